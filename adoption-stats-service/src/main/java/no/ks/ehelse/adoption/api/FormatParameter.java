package no.ks.ehelse.adoption.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import no.ks.ehelse.platform.api.TableExport;
import no.ks.ehelse.platform.api.TableExport.Format;

/**
 * {@code ?format=xlsx|csv|csv-comma} on an API table: a link (or a spreadsheet's "from web") cannot set Accept, so
 * the parameter stands in for it and the table's download method answers. An unknown format is a 400 naming the
 * allowed ones.
 */
@Provider
@PreMatching
public class FormatParameter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Format format = Format.of(request.getUriInfo().getQueryParameters().getFirst("format"));
        if (format != null) {
            request.getHeaders()
                    .putSingle(
                            HttpHeaders.ACCEPT,
                            format == Format.XLSX ? TableExport.XLSX_MEDIA_TYPE : TableExport.CSV_MEDIA_TYPE);
        }
    }
}

package no.ks.ehelse.platform.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?page=0&size=50}: zero-based page, at most 500 items. Use with {@code @BeanParam @Valid}. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Parameter(description = "Zero-based page number")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "must be between 1 and 500")
    @Max(value = 500, message = "must be between 1 and 500")
    @Parameter(description = "Items per page (1-500)")
    public int size;

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /**
     * The number of items before this page. A page past what an {@code int} offset reaches (e.g. page 4294968 of
     * 500) would overflow into a negative offset in the database query, so it is refused naming {@code page}.
     */
    public int offset() {
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw ProblemException.invalidField(
                    "page", "must be at most " + (Integer.MAX_VALUE / size) + " with size " + size);
        }
        return (int) offset;
    }
}

package no.ks.ehelse.notification.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import no.ks.ehelse.notification.domain.Cadence;
import no.ks.ehelse.notification.domain.Channel;
import no.ks.ehelse.platform.web.FormErrors;

/**
 * The form for a new e-mail subscription, as typed. It is checked by the API's own rules ({@link SubscriptionRequest})
 * with the messages in Norwegian; the domain's address check comes on top when it is subscribed.
 */
public class SubscriptionForm {

    @RestForm
    public List<String> eventType = new ArrayList<>();

    @RestForm
    public String address;

    @RestForm
    public String kommunenummer;

    @RestForm
    public String delivery;

    /** A new form: the caller's own address and, for a municipality, its number filled in. */
    static SubscriptionForm startingWith(String address, String kommunenummer) {
        SubscriptionForm form = new SubscriptionForm();
        form.address = address;
        form.kommunenummer = kommunenummer;
        form.delivery = Cadence.IMMEDIATE.name();
        return form;
    }

    public boolean chose(String type) {
        return eventType != null && eventType.contains(type);
    }

    /** What is wrong with each field, in the order of the form; none when the form is valid. */
    FormErrors errors(Validator validator) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (types().isEmpty()) {
            errors.put("eventType", "Velg minst én hendelse");
        } else if (!EventTypeText.SUBSCRIBABLE.keySet().containsAll(types())) {
            errors.put("eventType", "Velg hendelser fra lista");
        }
        for (ConstraintViolation<SubscriptionRequest> v : validator.validate(request())) {
            String field = v.getPropertyPath().toString();
            if (field.equals("address") && !blank(address)) {
                errors.putIfAbsent(
                        "address",
                        blank(address) ? "Skriv inn e-postadressen" : "E-postadressen kan ha høyst 2000 tegn");
            } else if (field.equals("kommunenummer")) {
                errors.putIfAbsent("kommunenummer", "Kommunenummeret har fire sifre, som 4601");
            }
        }
        if (blank(address)) {
            errors.put("address", "Skriv inn e-postadressen");
        }
        if (!blank(delivery) && (cadence() == null || cadence() == Cadence.OFF)) {
            errors.put("delivery", "Velg hvor ofte du vil få e-post");
        }
        FormErrors ordered = FormErrors.none();
        for (String field : new String[] {"eventType", "address", "kommunenummer", "delivery"}) {
            if (errors.containsKey(field)) {
                ordered.add(field, errors.get(field));
            }
        }
        return ordered;
    }

    SubscriptionRequest request() {
        return new SubscriptionRequest(
                types(),
                Channel.EMAIL,
                trimmed(address),
                trimmed(kommunenummer),
                null,
                null,
                null,
                cadence() == null ? Cadence.IMMEDIATE : cadence());
    }

    private List<String> types() {
        return eventType == null
                ? List.of()
                : eventType.stream().filter(t -> !blank(t)).distinct().toList();
    }

    private Cadence cadence() {
        if (blank(delivery)) {
            return Cadence.IMMEDIATE;
        }
        try {
            return Cadence.valueOf(delivery.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.strip();
    }
}

package no.ks.ehelse.registry.api;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import no.ks.ehelse.platform.web.FormErrors;
import no.ks.ehelse.registry.domain.Contact;
import no.ks.ehelse.registry.domain.ContactRole;

/**
 * The contact form as typed: kept as text so a page can show back what was entered. It is checked by the API's own
 * rules ({@link ContactRequest}), so a page accepts exactly what the API accepts, with the messages in Norwegian.
 */
public class ContactForm {

    @RestForm
    public String role;

    @RestForm
    public String name;

    @RestForm
    public String email;

    @RestForm
    public String phone;

    static ContactForm empty() {
        return new ContactForm();
    }

    static ContactForm of(Contact contact) {
        ContactForm form = new ContactForm();
        form.role = contact.role.name();
        form.name = contact.name;
        form.email = contact.email;
        form.phone = contact.phone;
        return form;
    }

    /** What is wrong with each field, in the order of the form; none when the form is valid. */
    FormErrors errors(Validator validator) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(role)) {
            errors.put("role", "Velg en rolle");
        } else if (roleOrNull() == null) {
            errors.put("role", "Velg en av rollene i lista");
        }
        for (ConstraintViolation<ContactRequest> v : validator.validate(request())) {
            String field = v.getPropertyPath().toString();
            Class<? extends Annotation> rule =
                    v.getConstraintDescriptor().getAnnotation().annotationType();
            String message = message(field, rule);
            if (message != null) {
                errors.putIfAbsent(field, message);
            }
        }
        // The map's order is the form's, whichever order the validator found them in.
        FormErrors ordered = FormErrors.none();
        for (String field : new String[] {"role", "name", "email", "phone"}) {
            if (errors.containsKey(field)) {
                ordered.add(field, errors.get(field));
            }
        }
        return ordered;
    }

    /** The request the API would have received; only valid once {@link #errors} is empty. */
    ContactRequest request() {
        return new ContactRequest(roleOrNull(), trimmed(name), trimmed(email), trimmed(phone));
    }

    private static String message(String field, Class<? extends Annotation> rule) {
        return switch (field) {
            case "name" -> "Navnet kan ha høyst 200 tegn";
            case "email" -> {
                if (rule == NotBlank.class) {
                    yield "Skriv inn e-postadressen";
                }
                if (rule == Size.class) {
                    yield "E-postadressen kan ha høyst 254 tegn";
                }
                yield rule == Email.class ? "Skriv inn en gyldig e-postadresse, som ehelse@kommunen.no" : null;
            }
            case "phone" -> "Skriv inn et telefonnummer med 5 til 20 sifre, som +47 22 00 00 00";
            // role: the enum is parsed above, and its message is already there.
            default -> null;
        };
    }

    private ContactRole roleOrNull() {
        if (blank(role)) {
            return null;
        }
        try {
            return ContactRole.valueOf(role.strip());
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

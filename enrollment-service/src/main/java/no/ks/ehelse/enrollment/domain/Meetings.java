package no.ks.ehelse.enrollment.domain;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.security.Caller;
import no.ks.ehelse.platform.security.Roles;

/**
 * Information meetings: leads schedule, change and cancel them; anyone registers without signing in and cancels
 * by the signed link. Every change is announced on {@code enrollment.meetings.v1} in the same transaction (Outbox).
 * A full meeting puts new registrations on its waiting list, first come first served, and a cancellation gives the
 * place to the first waiting.
 */
@ApplicationScoped
public class Meetings {

    /** What a lead gives: times are local times in Europe/Oslo; closing defaults to the start. */
    public record Draft(
            String solution,
            UUID trackId,
            String title,
            String description,
            LocalDateTime start,
            LocalDateTime end,
            String onlineUrl,
            String place,
            Integer capacity,
            LocalDateTime registrationClosesAt,
            String organizerName,
            String organizerEmail) {}

    /** What a person gives on the form; {@code municipality} is a kommunenummer or a name, typed tolerantly. */
    public record Registrant(String name, String email, String municipality, String role) {}

    /** The answer to a registration: the registration, whether it existed already, and its waitlist position. */
    public record Registered(MeetingRegistration registration, Meeting meeting, boolean existed, Integer position) {}

    /** "N personer fra M kommuner": distinct people by e-mail and distinct municipalities, cancellations left out. */
    public record Counts(long people, long municipalities, long confirmed, long waitlisted) {

        public String text() {
            return people + (people == 1 ? " person" : " personer") + " fra " + municipalities
                    + (municipalities == 1 ? " kommune" : " kommuner");
        }
    }

    /** A municipality that attended a past meeting of the solution and has not enrolled. */
    public record Municipality(String kommunenummer, String name) {}

    /** Which tracks "not enrolled" was checked against: the open ones, or all when none is open. */
    public record AttendedNotEnrolled(String solution, boolean againstOpenTracks, List<Municipality> municipalities) {}

    private static final Pattern NAME_WITH_NUMBER = Pattern.compile("^(.*?)\\s*\\((\\d{4})\\)\\s*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final MeetingEvents events;
    private final CancelLinks links;
    private final MeetingsConfig config;
    private final EntityManager em;
    private final Clock clock;

    Meetings(MeetingEvents events, CancelLinks links, MeetingsConfig config, EntityManager em, Clock clock) {
        this.events = events;
        this.links = links;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    static boolean manages(Caller caller, String solution) {
        return caller.has(Roles.ADMIN)
                || caller.has(Roles.LEAD) && caller.solutions().contains(solution);
    }

    static void requireManager(Caller caller, String solution) {
        if (!manages(caller, solution)) {
            throw new ProblemException(
                    403,
                    "forbidden",
                    "Forbidden",
                    caller.has(Roles.LEAD)
                            ? "As lead you manage only the meetings of your solutions " + caller.solutions()
                            : "Only an admin or the solution's lead may do this");
        }
    }

    /** Whether the caller may see and change the meeting (the pages ask, to show the lead's links). */
    public boolean mayManage(Caller caller, Meeting meeting) {
        return manages(caller, meeting.solution);
    }

    /** Meetings of a solution (or all) ending at or after {@code from} (null: any), earliest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<Meeting> list(String solution, OffsetDateTime from) {
        if (solution != null && SolutionProjection.findById(solution) == null) {
            throw ProblemException.invalidField("solution", "'" + solution + "' is not a known solution code");
        }
        Sort sort = Sort.by("startsAt").and("title");
        OffsetDateTime since = from == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : from;
        return solution == null
                ? Meeting.find("endsAt >= ?1", sort, since)
                : Meeting.find("solution = ?1 AND endsAt >= ?2", sort, solution, since);
    }

    /** The scheduled meetings of a solution that have not ended: what its catalogue page shows. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Meeting> upcoming(String solution) {
        return Meeting.list(
                "solution = ?1 AND status = ?2 AND endsAt > ?3",
                Sort.by("startsAt"),
                solution,
                Meeting.Status.SCHEDULED,
                OffsetDateTime.now(clock));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Meeting get(UUID id) {
        return Optional.ofNullable(Meeting.<Meeting>findById(id))
                .orElseThrow(() -> ProblemException.notFound("Meeting", id.toString()));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @Transactional
    public Meeting create(Draft draft, Caller caller) {
        requireManager(caller, draft.solution());
        if (SolutionProjection.findById(draft.solution()) == null) {
            throw ProblemException.invalidField(
                    "solution", "'" + draft.solution() + "' is not a solution of the registry's catalogue");
        }
        Meeting m = new Meeting();
        m.id = UUID.randomUUID();
        m.solution = draft.solution();
        m.status = Meeting.Status.SCHEDULED;
        m.sequence = 0;
        m.createdAt = now();
        m.createdBy = caller.name();
        apply(m, draft);
        m.persist();
        events.meeting(MeetingEvents.SCHEDULED, m);
        return m;
    }

    /**
     * Replaces what a lead gave. Every change raises the sequence, so calendars take the update; a larger capacity
     * gives the waiting their places.
     */
    @Transactional
    public Meeting change(UUID id, Draft draft, Caller caller) {
        Meeting m = lock(id);
        requireManager(caller, m.solution);
        if (!m.solution.equals(draft.solution())) {
            throw ProblemException.invalidField("solution", "cannot change; schedule a new meeting instead");
        }
        if (m.status == Meeting.Status.CANCELLED) {
            throw ProblemException.conflict("meeting-cancelled", m.title + " is cancelled and cannot change");
        }
        apply(m, draft);
        m.sequence++;
        events.meeting(MeetingEvents.CHANGED, m);
        promoteWaiting(m);
        return m;
    }

    /** Cancels the meeting (sequence up) and every registration still standing, each announced. */
    @Transactional
    public Meeting cancel(UUID id, String reason, Caller caller) {
        Meeting m = lock(id);
        requireManager(caller, m.solution);
        if (m.status == Meeting.Status.CANCELLED) {
            throw ProblemException.conflict("meeting-cancelled", m.title + " is cancelled already");
        }
        m.status = Meeting.Status.CANCELLED;
        m.cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        m.sequence++;
        m.updatedAt = now();
        events.meeting(MeetingEvents.CANCELLED, m);
        for (MeetingRegistration r : active(m.id)) {
            r.status = MeetingRegistration.Status.CANCELLED;
            r.cancelledAt = now();
            events.cancelled(r, r.email, "MEETING_CANCELLED");
        }
        return m;
    }

    /**
     * Registers a person, or for an address registered already announces link-requested so that the mail with the
     * cancel link goes out again. The abuse limits are taken by the caller first ({@link RequestLimits}).
     */
    @Transactional
    public Registered register(UUID meetingId, Registrant who) {
        Meeting m = lock(meetingId);
        String email = validate(who);
        MunicipalityProjection municipality = municipality(who.municipality());
        if (!m.takesRegistrations(now())) {
            throw ProblemException.conflict(
                            m.status == Meeting.Status.CANCELLED ? "meeting-cancelled" : "registration-closed",
                            m.status == Meeting.Status.CANCELLED
                                    ? m.title + " is cancelled"
                                    : "Registration for " + m.title + " closed at " + closesAt(m))
                    .with("registrationClosesAt", closesAt(m).toString());
        }
        Optional<MeetingRegistration> existing = MeetingRegistration.<MeetingRegistration>find(
                        "meetingId = ?1 AND email = ?2 AND status <> ?3",
                        m.id,
                        email,
                        MeetingRegistration.Status.CANCELLED)
                .firstResultOptional();
        if (existing.isPresent()) {
            MeetingRegistration r = existing.get();
            Integer position = position(r);
            events.registration(MeetingEvents.LINK_REQUESTED, state(m, r, position));
            return new Registered(r, m, true, position);
        }
        MeetingRegistration r = new MeetingRegistration();
        r.id = UUID.randomUUID();
        r.meetingId = m.id;
        r.name = who.name().strip();
        r.email = email;
        r.kommunenummer = municipality.kommunenummer;
        r.role = who.role().strip();
        r.status = m.hasCapacityFor(confirmed(m.id))
                ? MeetingRegistration.Status.CONFIRMED
                : MeetingRegistration.Status.WAITLISTED;
        Integer highest = em.createQuery(
                        "SELECT max(r.queueNumber) FROM MeetingRegistration r WHERE r.meetingId = ?1", Integer.class)
                .setParameter(1, m.id)
                .getSingleResult();
        r.queueNumber = Waitlist.nextQueueNumber(highest);
        r.createdAt = now();
        r.persist();
        MeetingRegistration.flush();
        Integer position = position(r);
        events.registration(MeetingEvents.REGISTRATION_MADE, state(m, r, position));
        return new Registered(r, m, false, position);
    }

    /** The registration a confirmation page shows: only by both ids, so one id alone reveals nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Registered registration(UUID meetingId, UUID registrationId) {
        MeetingRegistration r = MeetingRegistration.findById(registrationId);
        if (r == null || !r.meetingId.equals(meetingId)) {
            throw ProblemException.notFound("Registration", registrationId.toString());
        }
        return new Registered(r, get(meetingId), false, position(r));
    }

    /** The registration a cancel link names, if the link is genuine and not expired. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Registered byToken(String token) {
        CancelLinks.Claim claim = claim(token);
        MeetingRegistration r = MeetingRegistration.findById(claim.registrationId());
        if (r == null) {
            throw invalidToken("The registration no longer exists");
        }
        return new Registered(r, get(r.meetingId), false, position(r));
    }

    /** Cancels by the signed link; a second use answers the same cancelled registration. */
    @Transactional
    public Registered cancelByToken(String token) {
        CancelLinks.Claim claim = claim(token);
        MeetingRegistration found = MeetingRegistration.findById(claim.registrationId());
        if (found == null) {
            throw invalidToken("The registration no longer exists");
        }
        Meeting m = lock(found.meetingId);
        MeetingRegistration r = MeetingRegistration.findById(claim.registrationId(), LockModeType.PESSIMISTIC_WRITE);
        if (r.status == MeetingRegistration.Status.CANCELLED) {
            return new Registered(r, m, true, null);
        }
        boolean heldPlace = r.status == MeetingRegistration.Status.CONFIRMED;
        r.status = MeetingRegistration.Status.CANCELLED;
        r.cancelledAt = now();
        events.cancelled(r, r.email, "PARTICIPANT");
        MeetingRegistration.flush();
        if (heldPlace && m.status == Meeting.Status.SCHEDULED) {
            promoteWaiting(m);
        }
        return new Registered(r, m, false, null);
    }

    /** The meeting's registrations in the order they came (cancelled ones included, with their status). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PanacheQuery<MeetingRegistration> attendees(UUID meetingId, Caller caller) {
        Meeting m = get(meetingId);
        requireManager(caller, m.solution);
        return MeetingRegistration.find("meetingId", Sort.by("queueNumber"), m.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Counts counts(UUID meetingId) {
        Object[] row =
                (Object[]) em.createNativeQuery("""
                        SELECT count(DISTINCT coalesce(email, id::text)), count(DISTINCT kommunenummer),
                               count(*) FILTER (WHERE status = 'CONFIRMED'), count(*) FILTER (WHERE status = 'WAITLISTED')
                        FROM meeting_registration WHERE meeting_id = ?1 AND status <> 'CANCELLED'""").setParameter(1, meetingId).getSingleResult();
        return new Counts(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue());
    }

    /**
     * Municipalities with a confirmed registration for a meeting of the solution that has ended, and no active
     * enrollment (anything but withdrawn) in the solution's open tracks, or in any of its tracks when none is open.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public AttendedNotEnrolled attendedNotEnrolled(String solution, Caller caller) {
        requireManager(caller, solution);
        if (SolutionProjection.findById(solution) == null) {
            throw ProblemException.invalidField("solution", "'" + solution + "' is not a known solution code");
        }
        long open = Track.count("solution = ?1 AND status = ?2", solution, TrackStatus.OPEN);
        String tracks = open > 0
                ? "SELECT id FROM track WHERE solution = ?1 AND status = 'OPEN'"
                : "SELECT id FROM track WHERE solution = ?1";
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT DISTINCT r.kommunenummer, coalesce(mu.name, r.kommunenummer)
                        FROM meeting_registration r
                        JOIN meeting m ON m.id = r.meeting_id
                        LEFT JOIN municipality mu ON mu.kommunenummer = r.kommunenummer
                        WHERE m.solution = ?1 AND m.status = 'SCHEDULED' AND m.ends_at < ?2 AND r.status = 'CONFIRMED'
                          AND NOT EXISTS (SELECT 1 FROM enrollment e WHERE e.kommunenummer = r.kommunenummer
                                          AND e.status <> 'WITHDRAWN' AND e.track_id IN (%s))
                        ORDER BY 1""".formatted(tracks))
                .setParameter(1, solution)
                .setParameter(2, now())
                .getResultList();
        List<Municipality> municipalities = rows.stream()
                .map(row -> new Municipality((String) row[0], (String) row[1]))
                .toList();
        return new AttendedNotEnrolled(solution, open > 0, municipalities);
    }

    /** The current municipalities by name, for the form's list (the server matches whatever is typed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MunicipalityProjection> municipalities() {
        LocalDate today = LocalDate.now(clock);
        return MunicipalityProjection.<MunicipalityProjection>listAll(Sort.by("name")).stream()
                .filter(m -> m.validOn(today))
                .toList();
    }

    /**
     * A municipality from what a person typed: a kommunenummer, a name (any case, with or without "kommune", any
     * one of a multilingual name's forms) or "Name (nnnn)" as the list offers. Only current numbers.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MunicipalityProjection municipality(String typed) {
        if (typed == null || typed.isBlank()) {
            throw ProblemException.invalidField("municipality", "is required");
        }
        String value = typed.strip();
        Matcher withNumber = NAME_WITH_NUMBER.matcher(value);
        if (withNumber.matches()) {
            value = withNumber.group(2);
        }
        LocalDate today = LocalDate.now(clock);
        if (value.matches("\\d{4}")) {
            MunicipalityProjection m = MunicipalityProjection.findById(value);
            if (m == null || !m.validOn(today)) {
                throw ProblemException.invalidField(
                        "municipality", "'" + value + "' is not the number of a current municipality");
            }
            return m;
        }
        String wanted = normalise(value);
        List<MunicipalityProjection> matches = new ArrayList<>();
        for (MunicipalityProjection m : municipalities()) {
            List<String> forms = new ArrayList<>(List.of(m.name));
            forms.addAll(List.of(m.name.split("\\s+-\\s+")));
            if (forms.stream().map(Meetings::normalise).anyMatch(wanted::equals)) {
                matches.add(m);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw ProblemException.invalidField("municipality", "'" + value + "' matches no current municipality");
        }
        throw ProblemException.invalidField(
                        "municipality",
                        "'" + value + "' matches several municipalities; give the kommunenummer: "
                                + matches.stream().map(m -> m.kommunenummer).toList())
                .with("candidates", matches.stream().map(m -> m.kommunenummer).toList());
    }

    static String normalise(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (lower.endsWith(" kommune")) {
            lower = lower.substring(0, lower.length() - " kommune".length());
        }
        // Accents and the like are dropped, but æ, ø and å are letters of their own.
        String decomposed = Normalizer.normalize(
                lower.replace("å", "\u0001").replace("æ", "\u0002").replace("ø", "\u0003"), Normalizer.Form.NFD);
        return decomposed
                .replaceAll("\\p{M}", "")
                .replace("\u0001", "å")
                .replace("\u0002", "æ")
                .replace("\u0003", "ø");
    }

    /** Nulls name, e-mail and role of registrations for meetings that ended longer than the retention ago. */
    @Transactional
    public int anonymiseExpired() {
        OffsetDateTime cutoff =
                now().atZoneSameInstant(Meeting.ZONE).minus(config.retention()).toOffsetDateTime();
        return em.createNativeQuery("""
                        UPDATE meeting_registration r SET name = NULL, email = NULL, role = NULL, anonymised_at = ?2
                        FROM meeting m
                        WHERE m.id = r.meeting_id AND m.ends_at < ?1 AND r.anonymised_at IS NULL""")
                .setParameter(1, cutoff)
                .setParameter(2, now())
                .executeUpdate();
    }

    /** The cancel link of a registration, valid until a day after the meeting's end. */
    public String cancelUrl(Meeting m, MeetingRegistration r) {
        Instant expires = m.endsAt.toInstant().plus(1, ChronoUnit.DAYS);
        return config.publicUrl() + "/informasjonsmoter/avmelding?token=" + links.token(r.id, expires);
    }

    private CancelLinks.Claim claim(String token) {
        CancelLinks.Claim claim = links.verify(token).orElseThrow(() -> invalidToken("The link is not valid"));
        if (!claim.expires().isAfter(clock.instant())) {
            throw new ProblemException(410, "link-expired", "Gone", "The cancel link expired at " + claim.expires());
        }
        return claim;
    }

    private static ProblemException invalidToken(String detail) {
        return ProblemException.invalidField("token", detail);
    }

    private MeetingEvents.RegistrationState state(Meeting m, MeetingRegistration r, Integer position) {
        MunicipalityProjection municipality = MunicipalityProjection.findById(r.kommunenummer);
        return new MeetingEvents.RegistrationState(
                r.id,
                m.id,
                r.name,
                r.email,
                r.kommunenummer,
                municipality == null ? r.kommunenummer : municipality.name,
                r.role,
                r.status,
                position,
                cancelUrl(m, r),
                r.createdAt.atZoneSameInstant(Meeting.ZONE).toOffsetDateTime());
    }

    private void promoteWaiting(Meeting m) {
        long confirmed = confirmed(m.id);
        List<MeetingRegistration> waiting = MeetingRegistration.list(
                "meetingId = ?1 AND status = ?2", Sort.by("queueNumber"), m.id, MeetingRegistration.Status.WAITLISTED);
        for (MeetingRegistration next : waiting) {
            if (!m.hasCapacityFor(confirmed)) {
                break;
            }
            next.status = MeetingRegistration.Status.CONFIRMED;
            confirmed++;
            events.registration(MeetingEvents.REGISTRATION_PROMOTED, state(m, next, null));
        }
    }

    private long confirmed(UUID meetingId) {
        return MeetingRegistration.count(
                "meetingId = ?1 AND status = ?2", meetingId, MeetingRegistration.Status.CONFIRMED);
    }

    private List<MeetingRegistration> active(UUID meetingId) {
        return MeetingRegistration.list(
                "meetingId = ?1 AND status <> ?2",
                Sort.by("queueNumber"),
                meetingId,
                MeetingRegistration.Status.CANCELLED);
    }

    /** 1-based place on the waiting list, or null unless waiting. */
    private Integer position(MeetingRegistration r) {
        if (r.status != MeetingRegistration.Status.WAITLISTED) {
            return null;
        }
        long ahead = MeetingRegistration.count(
                "meetingId = ?1 AND status = ?2 AND queueNumber < ?3",
                r.meetingId,
                MeetingRegistration.Status.WAITLISTED,
                r.queueNumber);
        return (int) ahead + 1;
    }

    private static OffsetDateTime closesAt(Meeting m) {
        return (m.registrationClosesAt.isBefore(m.startsAt) ? m.registrationClosesAt : m.startsAt)
                .atZoneSameInstant(Meeting.ZONE)
                .toOffsetDateTime();
    }

    private static String validate(Registrant who) {
        if (who.name() == null || who.name().isBlank()) {
            throw ProblemException.invalidField("name", "is required");
        }
        if (who.name().strip().length() > 200) {
            throw ProblemException.invalidField("name", "must be at most 200 characters");
        }
        if (who.email() == null || who.email().isBlank()) {
            throw ProblemException.invalidField("email", "is required");
        }
        String email = who.email().strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ProblemException.invalidField("email", "must be an e-mail address such as navn@kommune.no");
        }
        if (who.role() == null || who.role().isBlank()) {
            throw ProblemException.invalidField("role", "is required");
        }
        if (who.role().strip().length() > 200) {
            throw ProblemException.invalidField("role", "must be at most 200 characters");
        }
        return email;
    }

    private void apply(Meeting m, Draft d) {
        if (d.trackId() != null) {
            Track track = Track.findById(d.trackId());
            if (track == null || !track.solution.equals(d.solution())) {
                throw ProblemException.invalidField("trackId", "must be a track of " + d.solution());
            }
        }
        if (!d.end().isAfter(d.start())) {
            throw ProblemException.invalidField("end", "must be after start (" + d.start() + ")");
        }
        boolean online = d.onlineUrl() != null && !d.onlineUrl().isBlank();
        boolean place = d.place() != null && !d.place().isBlank();
        if (!online && !place) {
            throw ProblemException.invalidField("onlineUrl", "give an online link or a place (or both)");
        }
        if (online && !d.onlineUrl().strip().matches("https://\\S+")) {
            throw ProblemException.invalidField("onlineUrl", "must be an https:// address");
        }
        LocalDateTime closes = d.registrationClosesAt() == null ? d.start() : d.registrationClosesAt();
        if (closes.isAfter(d.start())) {
            throw ProblemException.invalidField("registrationClosesAt", "must not be after start (" + d.start() + ")");
        }
        String organizerName = blankToNull(d.organizerName());
        String organizerEmail = blankToNull(d.organizerEmail());
        if (organizerEmail == null && d.trackId() != null) {
            Optional<Plan.Member> lead = Track.<Track>findById(d.trackId()).member(Plan.GroupRole.LEAD);
            if (lead.isPresent() && lead.get().email() != null) {
                organizerEmail = lead.get().email();
                organizerName = organizerName == null ? lead.get().name() : organizerName;
            }
        }
        if (organizerEmail == null && m.organizerEmail != null) {
            organizerEmail = m.organizerEmail;
            organizerName = organizerName == null ? m.organizerName : organizerName;
        }
        if (organizerEmail == null) {
            throw ProblemException.invalidField(
                    "organizerEmail", "is required when the meeting's track names no lead with an e-mail address");
        }
        if (!EMAIL.matcher(organizerEmail).matches()) {
            throw ProblemException.invalidField("organizerEmail", "must be an e-mail address");
        }
        m.trackId = d.trackId();
        m.title = d.title().strip();
        m.description = blankToNull(d.description());
        m.startsAt = d.start().atZone(Meeting.ZONE).toOffsetDateTime();
        m.endsAt = d.end().atZone(Meeting.ZONE).toOffsetDateTime();
        m.onlineUrl = online ? d.onlineUrl().strip() : null;
        m.place = place ? d.place().strip() : null;
        m.capacity = d.capacity();
        m.registrationClosesAt = closes.atZone(Meeting.ZONE).toOffsetDateTime();
        m.organizerName = organizerName == null ? organizerEmail : organizerName;
        m.organizerEmail = organizerEmail.toLowerCase(Locale.ROOT);
        m.updatedAt = now();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Meeting lock(UUID id) {
        return Optional.ofNullable(Meeting.<Meeting>findById(id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("Meeting", id.toString()));
    }
}

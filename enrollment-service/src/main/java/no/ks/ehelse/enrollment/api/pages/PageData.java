package no.ks.ehelse.enrollment.api.pages;

import io.quarkus.qute.TemplateData;
import no.ks.ehelse.enrollment.domain.Catalogue;
import no.ks.ehelse.enrollment.domain.Enrollment;
import no.ks.ehelse.enrollment.domain.Enrollments;
import no.ks.ehelse.enrollment.domain.Meeting;
import no.ks.ehelse.enrollment.domain.MeetingRegistration;
import no.ks.ehelse.enrollment.domain.Meetings;
import no.ks.ehelse.enrollment.domain.MunicipalityProjection;
import no.ks.ehelse.enrollment.domain.Plan;
import no.ks.ehelse.enrollment.domain.Readiness;
import no.ks.ehelse.enrollment.domain.SolutionProjection;
import no.ks.ehelse.enrollment.domain.Track;
import no.ks.ehelse.enrollment.domain.Worklist;

/**
 * The domain types the page templates read directly (Qute resolves their fields and methods without reflection
 * only when told which types they are). Pages only read them; every change goes through the domain services.
 */
@TemplateData(target = Track.class)
@TemplateData(target = Enrollment.class)
@TemplateData(target = SolutionProjection.class)
@TemplateData(target = MunicipalityProjection.class)
@TemplateData(target = Plan.Details.class)
@TemplateData(target = Plan.PhasePlan.class)
@TemplateData(target = Plan.Milestone.class)
@TemplateData(target = Plan.Prerequisite.class)
@TemplateData(target = Plan.Member.class)
@TemplateData(target = Enrollments.Placed.class)
@TemplateData(target = Catalogue.TrackPlaces.class)
@TemplateData(target = Catalogue.SolutionEntry.class)
@TemplateData(target = Catalogue.Requirement.class)
@TemplateData(target = Catalogue.MunicipalityPage.class)
@TemplateData(target = Catalogue.PartnerSignUp.class)
@TemplateData(target = Meeting.class)
@TemplateData(target = MeetingRegistration.class)
@TemplateData(target = Meetings.Registered.class)
@TemplateData(target = Meetings.Counts.class)
@TemplateData(target = Meetings.AttendedNotEnrolled.class)
@TemplateData(target = Meetings.Municipality.class)
@TemplateData(target = MeetingPages.Form.class)
@TemplateData(target = Worklist.Item.class)
@TemplateData(target = Worklist.Fix.class)
@TemplateData(target = Worklist.Reason.class)
@TemplateData(target = Readiness.Invitation.class)
@TemplateData(target = Readiness.Answer.class)
@TemplateData(target = Readiness.Item.class)
@TemplateData(target = Readiness.Check.class)
final class PageData {

    private PageData() {}
}

package io.seamline.portal.api;

import io.seamline.coordination.partners.Onboarding;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.Parsed;
import io.seamline.mappings.partners.PartnerJson;
import io.seamline.model.partner.Partner;
import io.seamline.model.partner.PartnerId;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /partners}: onboarding (admin) and partner profiles (internal; a partner sees its own). */
@Component
class PartnersApi {

    private final PartnerDirectory directory;

    public PartnersApi(PartnerDirectory directory) {
        this.directory = directory;
    }

    public Reply onboard(ApiRequest request) {
        Parsed<PartnerJson.Profile> parsed = PartnerJson.readProfile(request.body());
        if (parsed instanceof Parsed.Invalid<PartnerJson.Profile> invalid) {
            throw ApiProblem.badRequest("the partner profile is not valid", invalid.problems());
        }
        var profile = ((Parsed.Valid<PartnerJson.Profile>) parsed).value();
        Onboarding outcome = directory.onboard(
                profile.partner(), profile.lifecycle(), request.caller().actor());
        if (outcome instanceof Onboarding.Onboarded onboarded) {
            return Reply.created(
                    onboarded.partner(),
                    "/api/v1/partners/" + onboarded.partner().id());
        }
        return refusal(outcome);
    }

    /** {@code PUT /partners/{id}}: replaces the profile (identifiers, channels, SLA, policy). */
    public Reply update(ApiRequest request) {
        String id = request.pathParam("id");
        Parsed<Partner> parsed = PartnerJson.read(request.body());
        if (parsed instanceof Parsed.Invalid<Partner> invalid) {
            throw ApiProblem.badRequest("the partner profile is not valid", invalid.problems());
        }
        Partner partner = ((Parsed.Valid<Partner>) parsed).value();
        if (!partner.id().value().equals(id)) {
            throw ApiProblem.badRequest("id", "is " + partner.id() + " but the path names " + id);
        }
        Onboarding outcome = directory.update(partner);
        if (outcome instanceof Onboarding.Updated updated) {
            return Reply.ok(updated.partner());
        }
        if (outcome instanceof Onboarding.Unknown) {
            throw ApiProblem.notFound("partner " + id);
        }
        return refusal(outcome);
    }

    /** A problem of the profile under the field it is about: a channel's address, the SLA profile, the policy. */
    private static FieldProblem field(String problem) {
        if (problem.startsWith("checklists")) {
            return new FieldProblem("checklists", problem.substring(problem.indexOf(": ") + 2));
        }
        if (problem.startsWith("channels[")) {
            int colon = problem.indexOf(": ");
            return new FieldProblem(problem.substring(0, colon), problem.substring(colon + 2));
        }
        return new FieldProblem(problem.startsWith("sla.") ? "sla" : "policy", problem);
    }

    private static Reply refusal(Onboarding outcome) {
        if (outcome instanceof Onboarding.ProfileInvalid invalid) {
            throw ApiProblem.badRequest(
                    "the partner's profile is not valid",
                    invalid.problems().stream().map(PartnersApi::field).toList());
        }
        if (outcome instanceof Onboarding.AlreadyOnboarded existing) {
            throw ApiProblem.conflict(
                    "partner " + existing.existing().id() + " is already onboarded",
                    List.of(new FieldProblem("id", "already taken")));
        }
        var taken = ((Onboarding.IdentifiersTaken) outcome).identifiers();
        throw ApiProblem.conflict(
                "another partner already goes by " + taken,
                taken.stream()
                        .map(i -> new FieldProblem("identifiers", i + " belongs to another partner"))
                        .toList());
    }

    public Reply list(ApiRequest request) {
        List<Partner> partners = directory.list(request.caller().scope()).stream()
                .map(p -> forCaller(p, request))
                .toList();
        return Reply.ok(new Pages.PartnerPage(partners, partners.size(), Math.max(1, partners.size()), 0));
    }

    public Reply get(ApiRequest request) {
        String id = request.pathParam("id");
        if (!PartnerId.isValid(id)) {
            throw ApiProblem.notFound("partner " + id);
        }
        return directory
                .find(PartnerId.of(id), request.caller().scope())
                .map(p -> forCaller(p, request))
                .map(Reply::ok)
                .orElseThrow(() -> ApiProblem.notFound("partner " + id));
    }

    /**
     * A profile as the caller may read it: secret channel settings masked for everyone; a partner's own without our
     * decision limits (its tolerances are ours to know).
     */
    private static Partner forCaller(Partner partner, ApiRequest request) {
        var channels = partner.channels().stream()
                .map(io.seamline.model.partner.ChannelProfile::withoutSecrets)
                .toList();
        return new Partner(
                partner.id(),
                partner.name(),
                partner.role(),
                partner.identifiers(),
                channels,
                partner.sla(),
                request.caller().isInternal() ? partner.policy() : java.util.Map.of());
    }
}

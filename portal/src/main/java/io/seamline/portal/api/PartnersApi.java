package io.seamline.portal.api;

import io.seamline.coordination.partners.Onboarding;
import io.seamline.coordination.partners.PartnerDirectory;
import io.seamline.coordination.partners.ProfileDiff;
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
        Parsed<PartnerJson.Profile> parsed = PartnerJson.readProfile(request.body());
        if (parsed instanceof Parsed.Invalid<PartnerJson.Profile> invalid) {
            throw ApiProblem.badRequest("the partner profile is not valid", invalid.problems());
        }
        PartnerJson.Profile profile = ((Parsed.Valid<PartnerJson.Profile>) parsed).value();
        Partner partner = profile.partner();
        if (!partner.id().value().equals(id)) {
            throw ApiProblem.badRequest("id", "is " + partner.id() + " but the path names " + id);
        }
        Onboarding outcome =
                directory.update(partner, profile.reason(), request.caller().actor(), profile.replayId());
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
        if (problem.startsWith("replayId: ")) {
            return new FieldProblem("replayId", problem.substring("replayId: ".length()));
        }
        if (problem.startsWith("reason: ")) {
            return new FieldProblem("reason", problem.substring("reason: ".length()));
        }
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

    /** {@code GET /partners/{id}/versions}: the partner's configuration versions, newest first (internal). */
    public Reply versions(ApiRequest request) {
        PartnerId id = known(request);
        int current = directory.currentVersion(id);
        var items = directory.versions(id).stream()
                .map(v -> {
                    var item = new java.util.LinkedHashMap<String, Object>();
                    item.put("version", v.version());
                    item.put("at", v.at());
                    item.put("author", v.author());
                    item.put("reason", v.reason());
                    item.put("rolledBackFrom", v.rolledBackFrom());
                    item.put(
                            "replayId",
                            v.replayId() == null ? null : v.replayId().toString());
                    item.put("current", v.version() == current);
                    return (Object) item;
                })
                .toList();
        return Reply.ok(java.util.Map.of("partnerId", id.value(), "current", current, "items", items));
    }

    /** {@code GET /partners/{id}/versions/{n}}: one version's profile, secrets masked. */
    public Reply version(ApiRequest request) {
        PartnerId id = known(request);
        int version = versionNumber(request, request.pathParam("version"));
        Partner profile = directory
                .version(id, version)
                .orElseThrow(() -> ApiProblem.notFound("version " + version + " of partner " + id));
        var meta = directory.versions(id).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow();
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("version", version);
        body.put("at", meta.at());
        body.put("author", meta.author());
        body.put("reason", meta.reason());
        body.put("current", version == directory.currentVersion(id));
        body.put("profile", profile);
        return Reply.ok(body);
    }

    /** {@code GET /partners/{id}/versions/{n}/diff?to=m}: what changed from version n to m (default: the current). */
    public Reply diff(ApiRequest request) {
        PartnerId id = known(request);
        int from = versionNumber(request, request.pathParam("version"));
        int to = request.queryParam("to").map(v -> versionNumber(request, v)).orElse(directory.currentVersion(id));
        Partner a = directory
                .version(id, from)
                .orElseThrow(() -> ApiProblem.notFound("version " + from + " of partner " + id));
        Partner b =
                directory.version(id, to).orElseThrow(() -> ApiProblem.notFound("version " + to + " of partner " + id));
        return Reply.ok(java.util.Map.of(
                "partnerId", id.value(), "from", from, "to", to, "changes", ProfileDiff.between(a, b)));
    }

    /** {@code POST /partners/{id}/versions/{n}/rollback} with {@code {"reason"}}: version n runs again, as a new one. */
    public Reply rollback(ApiRequest request) {
        PartnerId id = known(request);
        int version = versionNumber(request, request.pathParam("version"));
        String reason;
        try {
            var body = io.seamline.mappings.json.Json.mapper().readTree(request.body());
            reason = body != null && body.path("reason").isTextual()
                    ? body.path("reason").asText()
                    : null;
        } catch (java.io.IOException e) {
            throw ApiProblem.badRequest("body", "malformed JSON: {\"reason\": \"…\"}");
        }
        Onboarding outcome =
                directory.rollback(id, version, reason, request.caller().actor());
        if (outcome instanceof Onboarding.Updated updated) {
            return Reply.ok(forCaller(updated.partner(), request));
        }
        if (outcome instanceof Onboarding.Unknown) {
            throw ApiProblem.notFound("version " + version + " of partner " + id);
        }
        return refusal(outcome);
    }

    private PartnerId known(ApiRequest request) {
        String id = request.pathParam("id");
        if (!PartnerId.isValid(id) || !directory.exists(PartnerId.of(id))) {
            throw ApiProblem.notFound("partner " + id);
        }
        return PartnerId.of(id);
    }

    private static int versionNumber(ApiRequest request, String text) {
        try {
            int version = Integer.parseInt(text.trim());
            if (version > 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiProblem.notFound("version " + text);
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

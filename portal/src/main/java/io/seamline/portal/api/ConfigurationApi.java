package io.seamline.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.seamline.coordination.partners.ConfigurationBundles;
import io.seamline.mappings.FieldProblem;
import io.seamline.mappings.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code /configuration}: every partner's configuration as one bundle (ADMIN), and a bundle imported — with
 * {@code ?dryRun=true} the diff against what runs, else applied whole as one audited change ({@code reason} required).
 */
@Component
class ConfigurationApi {

    private final ConfigurationBundles bundles;

    public ConfigurationApi(ConfigurationBundles bundles) {
        this.bundles = bundles;
    }

    public Reply export(ApiRequest request) {
        return Reply.ok(bundles.export())
                .withHeader("Content-Disposition", "attachment; filename=\"seamline-configuration.json\"");
    }

    /** {@code POST /configuration?dryRun=true|false&reason=…} with a bundle. */
    public Reply load(ApiRequest request) {
        JsonNode bundle;
        try {
            bundle = Json.mapper().readTree(request.body());
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "malformed JSON: a bundle from GET /api/v1/configuration");
        }
        boolean dryRun = request.queryParam("dryRun")
                .map(v -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw ApiProblem.badRequest("dryRun", "is true or false");
                    }
                    return v.equalsIgnoreCase("true");
                })
                .orElse(false);
        ConfigurationBundles.Plan plan = dryRun
                ? bundles.plan(bundle)
                : bundles.apply(
                        bundle,
                        request.queryParam("reason").orElse(null),
                        request.caller().actor());
        if (plan instanceof ConfigurationBundles.Plan.Refused refused) {
            throw ApiProblem.badRequest(
                    "the bundle cannot be imported",
                    refused.problems().stream()
                            .map(p -> new FieldProblem(p.startsWith("reason:") ? "reason" : "bundle", p))
                            .toList());
        }
        var ready = (ConfigurationBundles.Plan.Ready) plan;
        var answer = new LinkedHashMap<String, Object>();
        answer.put("dryRun", dryRun);
        answer.put("applied", !dryRun);
        answer.put("partners", ready.partners());
        answer.put("notInBundle", ready.notInBundle());
        return Reply.ok(answer);
    }
}

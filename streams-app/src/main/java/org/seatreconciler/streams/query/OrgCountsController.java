package org.seatreconciler.streams.query;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /orgs/{orgId}/counts}: 200 with the counts, 404 when the organisation has none, 307 to the
 * instance that hosts it, 503 with Retry-After while the streams app is not RUNNING. Exists only when
 * the app runs as a web application ({@code spring.main.web-application-type=servlet}).
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OrgCountsController {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final OrgCountsQuery query;

    public OrgCountsController(OrgCountsQuery query) {
        this.query = query;
    }

    @GetMapping(path = "/orgs/{orgId}/counts", produces = "application/json")
    public ResponseEntity<?> counts(@PathVariable String orgId) {
        CountsLookup lookup = query.lookup(orgId);
        if (lookup instanceof CountsLookup.Found found) {
            return ResponseEntity.ok(found.counts());
        }
        if (lookup instanceof CountsLookup.Missing) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new QueryError(orgId, QueryError.NOT_FOUND,
                    "no counts for organisation " + orgId));
        }
        if (lookup instanceof CountsLookup.Elsewhere elsewhere) {
            return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).location(countsUri(elsewhere)).build();
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
                .body(new QueryError(orgId, QueryError.UNAVAILABLE,
                        "counts are not available now: " + ((CountsLookup.Unavailable) lookup).reason()));
    }

    private static URI countsUri(CountsLookup.Elsewhere elsewhere) {
        return UriComponentsBuilder.newInstance().scheme("http").host(elsewhere.host()).port(elsewhere.port())
                .path("/orgs/{orgId}/counts").buildAndExpand(elsewhere.orgId()).encode().toUri();
    }
}

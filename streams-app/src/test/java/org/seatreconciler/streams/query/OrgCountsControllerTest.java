package org.seatreconciler.streams.query;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.seatreconciler.streams.counting.MembershipTopology;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The answers a running broker cannot easily produce: not running yet, and a key hosted elsewhere. */
class OrgCountsControllerTest {

    private static final HostInfo SELF = new HostInfo("streams-1", 8080);

    @Test
    void beforeTheStreamsClientExistsItAsksToRetry() throws Exception {
        MockMvc mvc = mvc(new OrgCountsQuery(() -> null, SELF));

        mvc.perform(get("/orgs/org-1/counts"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().json("""
                        {"orgId":"org-1","error":"UNAVAILABLE",
                         "message":"counts are not available now: the streams app is not started, not RUNNING"}
                        """, JsonCompareMode.STRICT));
    }

    @Test
    void whileRebalancingItAsksToRetryWithoutTouchingTheStore() throws Exception {
        KafkaStreams streams = mock(KafkaStreams.class);
        when(streams.state()).thenReturn(KafkaStreams.State.REBALANCING);

        mvc(new OrgCountsQuery(() -> streams, SELF)).perform(get("/orgs/org-1/counts"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().json("""
                        {"orgId":"org-1","error":"UNAVAILABLE",
                         "message":"counts are not available now: the streams app is REBALANCING, not RUNNING"}
                        """, JsonCompareMode.STRICT));
        verify(streams, never()).store(any());
    }

    @Test
    void aKeyHostedByAnotherInstanceIsRedirectedThere() throws Exception {
        KafkaStreams streams = mock(KafkaStreams.class);
        when(streams.state()).thenReturn(KafkaStreams.State.RUNNING);
        when(streams.queryMetadataForKey(eq(MembershipTopology.ORG_STATE_STORE), eq("org 7"),
                any(Serializer.class))).thenReturn(new KeyQueryMetadata(new HostInfo("streams-2", 8081), Set.of(), 3));

        mvc(new OrgCountsQuery(() -> streams, SELF)).perform(get("/orgs/{orgId}/counts", "org 7"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://streams-2:8081/orgs/org%207/counts"))
                .andExpect(content().string(""));
        verify(streams, never()).store(any());
    }

    private static MockMvc mvc(OrgCountsQuery query) {
        return MockMvcBuilders.standaloneSetup(new OrgCountsController(query)).build();
    }
}

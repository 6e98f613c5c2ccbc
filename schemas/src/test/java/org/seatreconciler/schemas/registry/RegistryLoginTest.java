package org.seatreconciler.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP Basic towards a registry behind a login, from Confluent's client properties. */
class RegistryLoginTest {

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "{\"error_code\":40403,\"message\":\"Schema 7 not found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void userInfoFromThePropertiesIsSentAsBasicAuth() {
        SchemaRegistryClient client = SchemaRegistries.forUrl(url, Map.of(
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "streams:s3cret", "acks", "all"));

        assertThatThrownBy(() -> client.schemaById(7)).isInstanceOf(SchemaRegistryException.class);

        assertThat(authorizations).containsExactly("Basic c3RyZWFtczpzM2NyZXQ="); // streams:s3cret
    }

    @Test
    void userInfoOfTheUrlIsSentAsBasicAuthAndNeverShownInMessages() {
        String withLogin = url.replace("http://", "http://batch:pa55@");
        SchemaRegistryClient client = SchemaRegistries.forUrl(withLogin, Map.of("basic.auth.credentials.source", "URL"));

        assertThatThrownBy(() -> client.schemaById(7)).isInstanceOf(SchemaRegistryException.class)
                .message().doesNotContain("pa55");

        assertThat(authorizations).containsExactly("Basic YmF0Y2g6cGE1NQ=="); // batch:pa55
    }

    @Test
    void withoutSettingsNoAuthorizationIsSent() {
        assertThatThrownBy(() -> SchemaRegistries.forUrl(url, Map.of()).schemaById(7)).isInstanceOf(SchemaRegistryException.class);

        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void incompleteSettingsNameTheProperty() {
        assertThatThrownBy(() -> SchemaRegistries.forUrl(url, Map.of("basic.auth.credentials.source", "USER_INFO")))
                .hasMessage("basic.auth.user.info is required with basic.auth.credentials.source=USER_INFO (user:password)");
        assertThatThrownBy(() -> SchemaRegistries.forUrl(url, Map.of("schema.registry.ssl.truststore.location", "/no/such.p12")))
                .hasMessageStartingWith("Cannot read the registry trust store schema.registry.ssl.truststore.location=/no/such.p12");
    }
}

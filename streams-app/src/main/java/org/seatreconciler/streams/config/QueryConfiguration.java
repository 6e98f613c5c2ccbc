package org.seatreconciler.streams.config;

import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.seatreconciler.streams.query.OrgCountsQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The live-counts query, only in a web application: with {@code spring.main.web-application-type=none}
 * (the default in streams-app.yml, and the local mode) neither it nor its controller exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class QueryConfiguration {

    /**
     * Reads the client from the factory bean at each query: it is created when the context starts and
     * replaced if the factory bean is restarted. This instance's address is the streams config's
     * {@code application.server} (set from {@code seats.http.advertised-host-port} in streams-app.yml).
     */
    @Bean
    public OrgCountsQuery orgCountsQuery(StreamsBuilderFactoryBean factoryBean) {
        return new OrgCountsQuery(factoryBean::getKafkaStreams, advertisedHost(factoryBean.getStreamsConfiguration()));
    }

    static HostInfo advertisedHost(Properties streamsConfig) {
        Object endpoint = streamsConfig == null ? null : streamsConfig.get(StreamsConfig.APPLICATION_SERVER_CONFIG);
        return endpoint == null ? null : HostInfo.buildFromEndpoint(endpoint.toString().trim());
    }
}

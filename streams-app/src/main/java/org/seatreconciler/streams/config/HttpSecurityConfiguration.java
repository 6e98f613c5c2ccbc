package org.seatreconciler.streams.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP port (live counts, metrics, prometheus) asks for a login, HTTP Basic, with Spring Boot's standard
 * user ({@code spring.security.user.name} / {@code .password}; without a password Boot makes one up and logs
 * it at startup). {@code /actuator/health} and its groups ({@code liveness}, {@code readiness}) stay open, so
 * an orchestrator's probes need no credentials. Only with the web server on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HttpSecurityConfiguration {

    @Bean
    SecurityFilterChain httpSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // read-only GETs by dashboards and scrapers: no browser session whose requests could be forged
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}

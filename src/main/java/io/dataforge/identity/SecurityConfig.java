package io.dataforge.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.dataforge.identity.tokens.CachingJwtDecoder;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.dataforge.identity.tokens.SigningKeys;
import io.dataforge.platform.web.ErrorResponses;
import io.dataforge.platform.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Who may call what. Bearer JWTs (ours, HS256, verified by Spring Security's resource
 * server; and, when configured, an OIDC issuer's admin tokens) for the API; HTTP Basic of
 * an admin user for the console and actuator. The token endpoints authenticate their own
 * credentials. Every refusal is the standard body.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /**
     * No observation around each security filter: with observations of Spring Security
     * turned off the filter chain was still wrapped, filter by filter, in no-op
     * observations, 15 % of a request thread's CPU.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Path patterns behind every {@code requestMatchers("...")}: the default MVC matchers
     * asked Spring MVC's handler mappings (every REST route of Camel's) which handler a
     * request goes to, on every request and again on its async dispatch.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * The token endpoints check their own Basic credentials (domain:secret is no admin
     * login).
     */
    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoints(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/auth/token", "/api/v1/auth/admin/token")
            .csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ErrorResponses errors, JwtDecoder localDecoder,
            IdentityProperties props, WebProperties web) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Data Forge\", Basic realm=\"Data Forge\"");
            errors.write(request, response, 401, "Authentication required: a valid bearer token or admin login");
        };
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> {
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                if (web.docsPublic()) {
                    auth.requestMatchers("/docs/**").permitAll();
                }
                else {
                    auth.requestMatchers("/docs/**").hasRole("ADMIN");
                }
                auth.requestMatchers("/actuator/**", "/admin/**", "/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/v1/batch/**", "/api/v1/error", "/api/v1/error/**")
                    .hasRole("SITE")
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll();
            })
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
            .oauth2ResourceServer(oauth -> {
                oauth.authenticationEntryPoint(unauthorized);
                if (StringUtils.hasText(props.oidc().issuerUri())) {
                    oauth.authenticationManagerResolver(issuers(localDecoder, props));
                }
                else {
                    oauth.jwt(jwt -> jwt.decoder(localDecoder).jwtAuthenticationConverter(SecurityConfig::ourToken));
                }
            })
            .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized)
                .accessDeniedHandler((request, response, e) -> errors.write(request, response, 403,
                        "Your role does not allow this")))
            .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
            .formLogin(form -> form.disable());
        return http.build();
    }

    @Bean
    JwtDecoder localDecoder(SigningKeys keys, IdentityProperties props) {
        // the token's kid picks the key; a token without one (signed before kids) is
        // tried
        // against every accepted key
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            // the validator below checks the claims, with Spring's messages
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(props.issuer());
        decoder.setJwtValidator(validator);
        return new CachingJwtDecoder(decoder, validator, 10_000, Duration.ofMinutes(5));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Our tokens, and admin tokens from the OIDC issuer (its decoder is built on first
     * use).
     */
    private static JwtIssuerAuthenticationManagerResolver issuers(JwtDecoder localDecoder, IdentityProperties props) {
        JwtAuthenticationProvider local = new JwtAuthenticationProvider(localDecoder);
        local.setJwtAuthenticationConverter(SecurityConfig::ourToken);
        Map<String, org.springframework.security.authentication.AuthenticationManager> managers = new java.util.concurrent.ConcurrentHashMap<>();
        managers.put(props.issuer(), local::authenticate);
        return new JwtIssuerAuthenticationManagerResolver(issuer -> managers.computeIfAbsent(issuer, i -> {
            if (!i.equals(props.oidc().issuerUri())) {
                return null;
            }
            JwtAuthenticationProvider oidc = new JwtAuthenticationProvider(JwtDecoders.fromIssuerLocation(i));
            oidc.setJwtAuthenticationConverter(jwt -> oidcAdmin(jwt, props.oidc()));
            return oidc::authenticate;
        }));
    }

    static AbstractAuthenticationToken ourToken(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        Collection<GrantedAuthority> authorities = roles == null ? List.of()
                : roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /**
     * Keycloak puts realm roles under realm_access.roles; only the configured admin role
     * maps, to ADMIN, and the pii reader role to PII_READER for an admin only: the
     * issuer's users are no tenant's clients, so the role alone would open nothing.
     */
    static AbstractAuthenticationToken oidcAdmin(Jwt jwt, IdentityProperties.Oidc oidc) {
        Object realm = jwt.getClaims().get("realm_access");
        Object roles = realm instanceof Map<?, ?> map ? map.get("roles") : jwt.getClaims().get("roles");
        Collection<?> granted = roles instanceof Collection<?> list ? list : List.of();
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (granted.contains(oidc.adminRole())) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            if (granted.contains(oidc.piiReaderRole())) {
                authorities.add(new SimpleGrantedAuthority("ROLE_PII_READER"));
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

}

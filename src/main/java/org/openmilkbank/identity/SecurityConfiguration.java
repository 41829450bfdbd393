package org.openmilkbank.identity;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Two chains. The API ({@code /api/**}) takes only explicit credentials on each call, HTTP Basic or a personal
 * API token, and never reads the browser's session, so a forged cross-site post carries nothing it accepts.
 * Pages use form login with a session and CSRF tokens. Every page and API call also checks its role with
 * {@code @PreAuthorize} on the controller; these chains only require a signed-in, enabled account whose session
 * is still current.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    // self only: the webjars and our scripts are served from here; no inline script, no eval
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /** A request to the network's bank-to-hub API that carries a bank's signature header. */
    static final org.springframework.security.web.util.matcher.RequestMatcher SIGNED_NETWORK_REQUEST =
            request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/network/")
                    && request.getHeader("X-OpenMilkBank-Signature") != null;

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            ApiTokens tokens,
            StaffUserRepository users,
            MessageSource messages)
            throws Exception {
        http.securityMatcher("/api/**")
                // a bank's batch is authenticated by its signature, which the network module checks byte for byte
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/network/batches")
                        .permitAll()
                        // a bank's signed request to its hub: the network module checks the signature
                        // (HubRequests.authenticate) before anything else; every method still has @PreAuthorize
                        .requestMatchers(SIGNED_NETWORK_REQUEST)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new AccountStateFilter(users, messages), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint()))
                // nothing here is authenticated by a cookie, so there is nothing for a forged request to ride on
                .csrf(AbstractHttpConfigurer::disable)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            StaffUserRepository users,
            MessageSource messages)
            throws Exception {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl("/login?error");
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(authenticationManager)
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(failure)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // scripts may read pages with Basic too; page posts still need the CSRF token
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .addFilterAfter(new AccountStateFilter(users, messages), AnonymousAuthenticationFilter.class)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                // sent only over HTTPS (forwarded headers honoured), as browsers ignore it over plain HTTP
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    private static BasicAuthenticationEntryPoint apiEntryPoint() {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("OpenMilkBank");
        entryPoint.afterPropertiesSet();
        return entryPoint;
    }

    @Bean
    SignInThrottle signInThrottle(Clock clock) {
        return new SignInThrottle(SignInThrottle.Limits.standard(), clock);
    }

    /** Form login and HTTP Basic both pass through the sign-in throttle. */
    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService userDetailsService, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(userDetailsService);
        dao.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BcryptLengthGuard(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Bean
    UserDetailsService userDetailsService(StaffUserRepository users) {
        return username -> users.findByUsernameIgnoreCase(username)
                .map(StaffPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}

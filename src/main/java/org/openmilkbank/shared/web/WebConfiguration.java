package org.openmilkbank.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language: English by default, switchable with {@code ?lang=vi} or {@code ?lang=lo}, remembered in a cookie. A
 * language the bank does not speak, or a value that is no language at all, means the default.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Set<String> LANGUAGES = Set.of("en", "vi", "lo");

    @Bean
    LocaleResolver localeResolver() {
        SupportedLocaleResolver resolver = new SupportedLocaleResolver();
        resolver.setDefaultLocale(Locale.ENGLISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setRejectInvalidCookies(false);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLocaleChangeInterceptor());
    }

    static Locale supported(Locale locale) {
        return locale != null && LANGUAGES.contains(locale.getLanguage())
                ? Locale.forLanguageTag(locale.getLanguage())
                : Locale.ENGLISH;
    }

    /** The cookie's language if the bank speaks it, else English. */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {

        SupportedLocaleResolver() {
            super("omb-lang");
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext context = super.resolveLocaleContext(request);
            // read each time: a ?lang= later in the same request changes what the code reading it sees
            return new TimeZoneAwareLocaleContext() {
                @Override
                public Locale getLocale() {
                    return supported(context.getLocale());
                }

                @Override
                public java.util.TimeZone getTimeZone() {
                    return context instanceof TimeZoneAwareLocaleContext tz ? tz.getTimeZone() : null;
                }
            };
        }
    }

    /** {@code ?lang=} with a language the bank speaks; anything else returns to the default. */
    static final class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

        SupportedLocaleChangeInterceptor() {
            setParamName("lang");
            setIgnoreInvalidLocale(true);
        }

        @Override
        protected Locale parseLocaleValue(String localeValue) {
            try {
                Locale locale = super.parseLocaleValue(localeValue);
                return locale != null && LANGUAGES.contains(locale.getLanguage()) ? supported(locale) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}

package org.openmilkbank.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Evaluates a handler's {@code @PreAuthorize} before its arguments are read and validated, so that a caller
 * without the role gets 403 and never learns from a 400 what a valid request would look like. Method security
 * still checks again when the handler is invoked.
 */
@Configuration(proxyBeanMethods = false)
class RoleCheckBeforeBinding implements WebMvcConfigurer {

    private final PreAuthorizeAuthorizationManager preAuthorize = new PreAuthorizeAuthorizationManager();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method) {
                    AuthorizationResult result = preAuthorize.authorize(
                            SecurityContextHolder.getContext()::getAuthentication,
                            new SimpleMethodInvocation(method.getBean(), method.getMethod()));
                    if (result != null && !result.isGranted()) {
                        throw new AccessDeniedException("Access denied");
                    }
                }
                return true;
            }
        });
    }
}

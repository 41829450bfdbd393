package org.openmilkbank;

import org.openmilkbank.shared.EarlyEmbeddedDatabase;
import org.openmilkbank.shared.StartupCompilation;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "OpenMilkBank", sharedModules = "shared")
public class OpenMilkBankApplication {

    public static void main(String[] args) {
        StartupCompilation.holdBack();
        try {
            SpringApplication application = new SpringApplication(OpenMilkBankApplication.class);
            application.addListeners(new EarlyEmbeddedDatabase());
            application.run(args);
        } finally {
            StartupCompilation.release();
        }
    }

    /**
     * Repositories read their {@code @Query} strings as written: they are plain JPQL that Hibernate parses and
     * checks anyway, and a second full parse by Spring Data's grammar took a tenth of the start on two cores.
     */
    @Bean
    static BeanPostProcessor queriesAsWritten() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JpaRepositoryFactoryBean<?, ?, ?> repositories) {
                    repositories.setQueryEnhancerSelectorSource(new QueriesAsWritten());
                }
                return bean;
            }
        };
    }

    /** Counts and sorts derived from a query's text by Spring Data's plain rewriting, without its HQL grammar. */
    static final class QueriesAsWritten implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}

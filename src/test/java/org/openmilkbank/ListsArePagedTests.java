package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists never stop silently: an {@code /api/v1} GET that answers a bare list or collection fails the build, unless
 * it is one of the small lists of a single record named here with the reason it stays small.
 */
class ListsArePagedTests {

    /** {@code Class#method} → why the list is bounded. */
    static final Map<String, String> BOUNDED = Map.ofEntries(
            Map.entry("AccountApiController#tokens", "the signed-in person's own API tokens: a handful"),
            Map.entry("UserApiController#tokens", "one staff member's API tokens: a handful"),
            Map.entry("DonorApiController#screeningSignatures", "the signatures on one screening: two at most"),
            Map.entry("DonorApiController#screenings", "one donor's screenings: one per visit"),
            Map.entry("DonorApiController#deferrals", "one donor's deferrals"),
            Map.entry("DonorApiController#serology", "one donor's serology results: a few per donation period"),
            Map.entry("CollectionApiController#holds", "the active holds on one container"),
            Map.entry("PoolApiController#holds", "the active holds on one pool"),
            Map.entry("StandardsApiController#profiles", "the standard profiles the bank can run under: a few"),
            Map.entry(
                    "StandardsApiController#comparison",
                    "one profile's rules beside its standard's: one row per parameter"),
            Map.entry("LabApiController#ofUnit", "the lab samples taken from one unit: a few"),
            Map.entry("ProcedureApiController#versions", "the versions of one procedure of one profile: one per edit"),
            Map.entry("IndicatorApiController#dictionary", "the data dictionary: one entry per indicator, a fixed few"),
            Map.entry(
                    "NetworkMessagesApiController#since",
                    "the hub's messages after a number, at most the limit a call (500): the bank pages by the last"),
            Map.entry(
                    "ExchangeApiController#alerts", "the network's shortage alerts in force: one per bank short now"));

    @Test
    void noApiListIsABareListUnlessItIsTheSmallListOfOneRecord() {
        List<String> bare = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.openmilkbank")) {
            if (!type.isAnnotatedWith(RestController.class)) {
                continue;
            }
            Class<?> controller = type.reflect();
            for (Method method : controller.getDeclaredMethods()) {
                GetMapping get = AnnotatedElementUtils.findMergedAnnotation(method, GetMapping.class);
                if (get == null || !paths(controller, get).anyMatch(p -> p.startsWith("/api/v1"))) {
                    continue;
                }
                String name = controller.getSimpleName() + "#" + method.getName();
                seen.add(name);
                boolean list = Collection.class.isAssignableFrom(method.getReturnType())
                        || method.getReturnType().isArray();
                if (list && !BOUNDED.containsKey(name)) {
                    bare.add(name);
                }
            }
        }
        assertThat(seen).as("the test sees the API").contains("CollectionApiController#containers");
        assertThat(seen).as("every bounded list named here still exists").containsAll(BOUNDED.keySet());
        assertThat(bare).as("API lists that must answer a page (shared.Paged)").isEmpty();
    }

    private static Stream<String> paths(Class<?> controller, GetMapping get) {
        RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
        List<String> prefixes = base == null || base.path().length == 0 ? List.of("") : Arrays.asList(base.path());
        List<String> own = get.path().length == 0 ? List.of("") : Arrays.asList(get.path());
        return prefixes.stream().flatMap(p -> own.stream().map(o -> p + o));
    }
}

package org.openmilkbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The modules that read other modules' records with SQL ({@code reporting}, {@code traceability}) read only the
 * views those modules publish in their own migration range ({@code donor_trace_v}, {@code collection_container_v}
 * …), never their tables: a module may then change its tables behind its views. Their own tables ({@code milk_*},
 * {@code recall_*}, {@code reporting_*}), the shared {@code history_entry} and functions ({@code milk_ancestors(…)}) are allowed.
 */
class ModulesReadViewsTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final List<Path> READERS = List.of(
            Path.of("src/main/java/org/openmilkbank/reporting"),
            Path.of("src/main/java/org/openmilkbank/traceability"));
    private static final List<String> OWN_PREFIXES = List.of(
            "milk_",
            "recall_",
            "history_",
            // reporting's own tables (targets, sign-offs, the DHIS2 connection and mapping), V210–V229
            "report_",
            "reporting_");

    /** Which module publishes a view (its name's prefix) and the migration range it must be created in. */
    private static final Map<String, int[]> VIEW_RANGES = Map.ofEntries(
            Map.entry("donor_", new int[] {10, 19}),
            Map.entry("collection_", new int[] {20, 29}),
            Map.entry("processing_", new int[] {30, 39}),
            Map.entry("pasteurization_", new int[] {40, 49}),
            Map.entry("inventory_", new int[] {50, 59}),
            Map.entry("dispensing_", new int[] {60, 69}),
            Map.entry("logistics_", new int[] {90, 99}),
            Map.entry("lab_", new int[] {100, 129}),
            Map.entry("standards_", new int[] {130, 139}),
            Map.entry("storage_", new int[] {170, 189}),
            Map.entry("ward_", new int[] {200, 209}),
            Map.entry("report_", new int[] {210, 229}),
            Map.entry("reporting_", new int[] {210, 229}));

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_VIEW =
            Pattern.compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_][a-z0-9_]*)");
    /** A relation read or written by name; a name followed by "(" is a function call. */
    private static final Pattern READ =
            Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");

    private static final Pattern VERSION = Pattern.compile("^V(\\d+)__");

    @Test
    void reportingAndTraceabilityReadNoOtherModulesTable() {
        Set<String> foreign = foreignTables();
        Map<String, Set<String>> offences = new TreeMap<>();
        for (Path file : javaSources()) {
            Set<String> read = relationsNamed(read(file));
            read.retainAll(foreign);
            if (!read.isEmpty()) {
                offences.put(file.toString(), read);
            }
        }
        assertThat(offences)
                .as("read the view the owning module publishes (e.g. collection_container_v), not its table")
                .isEmpty();
    }

    @Test
    void everyViewTheyReadIsPublishedInItsModulesMigrationRange() {
        Map<String, Integer> views = viewsByMigration();
        Set<String> read = new TreeSet<>();
        javaSources()
                .forEach(file -> relationsNamed(read(file)).stream()
                        .filter(name -> name.endsWith("_v"))
                        .forEach(read::add));
        assertThat(read).isNotEmpty();
        for (String view : read) {
            assertThat(views).as("a migration creates %s", view).containsKey(view);
            int[] range = VIEW_RANGES.entrySet().stream()
                    .filter(e -> view.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(view + " is not named after the module that publishes it"));
            assertThat(views.get(view))
                    .as("%s is created in its module's range", view)
                    .isBetween(range[0], range[1]);
        }
    }

    @Test
    void theScanFindsATableReadAcrossLinesAndIgnoresViewsFunctionsAndComments() {
        String sql = """
                // a comment that reads from bottle
                String s = \"""
                        select count(*) from
                            raw_container rc left join inventory_bottle_v b on b.id = rc.id
                        join milk_descendants(cast(:ids as uuid[])) d on true
                        \""";
                """;
        assertThat(relationsNamed(sql))
                .contains("raw_container", "inventory_bottle_v")
                .doesNotContain("bottle", "milk_descendants");
        assertThat(foreignTables())
                .contains("raw_container", "pool", "bottle", "donor", "infant", "dispense")
                .doesNotContain("milk_unit", "recall_case", "history_entry", "collection_container_v");
    }

    /** The relation names read in Java source, comments left out. */
    static Set<String> relationsNamed(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = READ.matcher(code);
        while (m.find()) {
            names.add(m.group(1).toLowerCase());
        }
        return names;
    }

    /** Every base table a migration creates that belongs to another module than traceability. */
    private static Set<String> foreignTables() {
        Set<String> tables = new TreeSet<>();
        for (Path migration : migrations()) {
            Matcher m = CREATE_TABLE.matcher(read(migration));
            while (m.find()) {
                String table = m.group(1).toLowerCase();
                if (OWN_PREFIXES.stream().noneMatch(table::startsWith)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /** Each view with the version of the migration that first creates it. */
    private static Map<String, Integer> viewsByMigration() {
        Map<String, Integer> views = new TreeMap<>();
        for (Path migration : migrations()) {
            Matcher version = VERSION.matcher(migration.getFileName().toString());
            if (!version.find()) {
                continue;
            }
            Matcher m = CREATE_VIEW.matcher(read(migration));
            while (m.find()) {
                views.merge(m.group(1).toLowerCase(), Integer.parseInt(version.group(1)), Math::min);
            }
        }
        return views;
    }

    private static List<Path> migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> sql =
                    files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            assertThat(sql).isNotEmpty();
            return sql;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaSources() {
        return READERS.stream()
                .flatMap(dir -> {
                    try (Stream<Path> files = Files.walk(dir)) {
                        return files.filter(p -> p.toString().endsWith(".java")).sorted().toList().stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.openmilkbank.collection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.shared.Said;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Why a container is held, stored as data: each reason a message key with its arguments
 * ({@code [{"key": "donor.eligibility.deferredUntil", "args": ["2026-04-01"]}]}), never translated words.
 */
final class HoldReasons {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HoldReasons() {}

    static String write(List<Said> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        return JSON.writeValueAsString(reasons.stream().map(HoldReasons::tree).toList());
    }

    static List<Said> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<Map<String, Object>> rows = JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {});
        return rows.stream().map(HoldReasons::said).toList();
    }

    private static Map<String, Object> tree(Said said) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", said.key());
        row.put(
                "args",
                said.args().stream()
                        .map(a -> a instanceof Said nested ? tree(nested) : a)
                        .toList());
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Said said(Map<String, Object> row) {
        List<Object> args = new ArrayList<>();
        Object raw = row.get("args");
        if (raw instanceof List<?> list) {
            for (Object a : list) {
                args.add(a instanceof Map<?, ?> nested ? said((Map<String, Object>) nested) : a);
            }
        }
        return new Said((String) row.get("key"), args);
    }
}

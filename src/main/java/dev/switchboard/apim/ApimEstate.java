package dev.switchboard.apim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything read from the inputs (ARM templates and APIOps folders) before translation: backends as APIM
 * properties, apis with their operations and policy texts, the global policy and the named values.
 */
final class ApimEstate {

    /** A policy document's text and where it is. */
    record PolicyText(String xml, SourceRef source) {
    }

    record Backend(String name, ObjectNode properties, SourceRef source) {
    }

    record Operation(String name, String method, String urlTemplate, SourceRef source) {
    }

    /** An api; its policy and its operations' policies are filled in as they are read. */
    static final class Api {
        final String name;
        String path;
        /** Its path is an expression that could not be evaluated: at "/" it would take every request, so it is left out. */
        boolean pathUnreadable;
        String serviceUrl;
        SourceRef source;
        PolicyText policy;
        final Map<String, Operation> operations = new LinkedHashMap<>();
        final Map<String, PolicyText> operationPolicies = new LinkedHashMap<>();

        Api(String name) {
            this.name = name;
        }
    }

    final Map<String, Backend> backends = new LinkedHashMap<>();
    final Map<String, Api> apis = new LinkedHashMap<>();
    final Map<String, String> namedValues = new LinkedHashMap<>();
    PolicyText globalPolicy;

    Api api(String name) {
        return apis.computeIfAbsent(name, Api::new);
    }
}

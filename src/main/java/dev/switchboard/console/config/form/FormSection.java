package dev.switchboard.console.config.form;

import java.util.List;

/**
 * A group of fields of one object, e.g. one breaker rule. Problems inside the object that belong to none of its
 * fields (a rule with neither count nor percentage) are shown at the section.
 *
 * @param removes what "Remove" deletes from the document; null when the section cannot be removed
 * @param note    a remark shown above the fields; empty for none
 */
public record FormSection(String title, JsonPath path, List<FormField> fields, JsonPath removes, String note) {

    public FormSection {
        fields = List.copyOf(fields);
    }
}

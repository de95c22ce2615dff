package dev.switchboard.console.config.form;

import java.util.List;

/**
 * One field of a form: where its value lives in the document and how it is edited.
 *
 * @param fallback what applies when the field is absent: shown as the prompt, or as a flag's state
 * @param help     the control's tooltip
 * @param choices  the values a {@link FieldKind#CHOICE} or {@link FieldKind#NAMES} field offers
 */
public record FormField(String label, JsonPath path, FieldKind kind, String fallback, String help, List<String> choices) {

    public FormField {
        choices = List.copyOf(choices);
    }
}

package dev.switchboard.console.config.form;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something a form can add to the selected item: a breaker rule, a pool member, a retry policy...
 *
 * @param path     the array appended to, or the field set
 * @param template the value added (copied on each use)
 * @param append   true to append to the array at {@code path}, false to set {@code path}
 */
public record Addition(String label, JsonPath path, JsonNode template, boolean append, String help) {
}

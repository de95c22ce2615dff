package dev.switchboard.console.config.form;

/**
 * One item of the config's outline, which the editor shows a form for.
 *
 * @param id   a backend's or pool's id, an API's name
 * @param path where the item stands in the document ({@code backends.a}, {@code apis[0]})
 * @param body where its fields are: the same path, or {@code .properties} below it for an APIM resource
 */
public record OutlineItem(Kind kind, String id, JsonPath path, JsonPath body) {

    /** The outline's groups. */
    public enum Kind {
        BACKEND("Backends"),
        POOL("Pools"),
        API("APIs");

        private final String group;

        Kind(String group) {
            this.group = group;
        }

        public String group() {
            return group;
        }
    }
}

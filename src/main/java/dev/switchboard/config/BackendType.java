package dev.switchboard.config;

/** APIM's backend {@code type}: {@code Single} (default) or {@code Pool}. */
public enum BackendType {
    SINGLE("Single"),
    POOL("Pool");

    private final String json;

    BackendType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}

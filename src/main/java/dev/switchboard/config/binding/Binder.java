package dev.switchboard.config.binding;

import java.util.List;

/** Turns one JSON object into one config record; one implementation per record type. */
interface Binder<T> {

    /** The field names this object accepts, for the unknown-field check and its suggestions. */
    List<String> fields();

    /**
     * Reads the fields, reporting problems to {@code in}. Returns the record even when parts are missing
     * (those components are null) so later checks can still run; the load fails as a whole anyway. Returns null
     * only when nothing usable can be built (such as a status range without bounds).
     */
    T bind(FieldReader in);
}

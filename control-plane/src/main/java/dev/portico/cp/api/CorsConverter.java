package dev.portico.cp.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portico.snapshot.Cors;
import jakarta.persistence.Converter;

/** An API's CORS settings, in the contract's form, in a jsonb column; null means no CORS. */
@Converter
public class CorsConverter extends JsonColumn<Cors> {

    public CorsConverter() {
        super(new TypeReference<Cors>() {
        }, "CORS settings");
    }
}

package dev.portico.cp.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portico.snapshot.RequestValidation;
import jakarta.persistence.Converter;

/** A route's {@link RequestValidation} in a jsonb column; null: nothing is checked. */
@Converter
public class RequestValidationConverter extends JsonColumn<RequestValidation> {

    public RequestValidationConverter() {
        super(new TypeReference<RequestValidation>() {
        }, "request validations");
    }
}

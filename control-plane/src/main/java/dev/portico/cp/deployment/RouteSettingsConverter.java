package dev.portico.cp.deployment;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portico.cp.api.JsonMapColumn;
import jakarta.persistence.Converter;

import java.util.TreeMap;

/** A stage's route settings (route key → settings) in a jsonb column; none is {@code {}}. */
@Converter
public class RouteSettingsConverter extends JsonMapColumn<RouteSettings> {

    public RouteSettingsConverter() {
        super(new TypeReference<TreeMap<String, RouteSettings>>() {
        }, "route settings", true);
    }
}

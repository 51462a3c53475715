package dev.portico.cp.usageplan;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portico.cp.api.JsonMapColumn;
import dev.portico.cp.api.Throttle;
import jakarta.persistence.Converter;

import java.util.TreeMap;

/** Per-route throttles (route key → throttle) in a jsonb column; none is {@code {}}. */
@Converter
public class RouteThrottlesConverter extends JsonMapColumn<Throttle> {

    public RouteThrottlesConverter() {
        super(new TypeReference<TreeMap<String, Throttle>>() {
        }, "route throttles", true);
    }
}

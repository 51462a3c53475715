package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where a route's requests go. The JSON form carries the kind in {@code "type"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HttpProxyIntegration.class, name = HttpProxyIntegration.TYPE),
    @JsonSubTypes.Type(value = MockIntegration.class, name = MockIntegration.TYPE),
    @JsonSubTypes.Type(value = FunctionIntegration.class, name = FunctionIntegration.TYPE)
})
public sealed interface Integration permits HttpProxyIntegration, MockIntegration, FunctionIntegration {

    String id();
}

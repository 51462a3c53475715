package dev.portico.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.Model;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** A draft model: a named JSON Schema routes check request bodies against. */
@Entity
@Table(name = "model")
public class ModelEntity extends Timestamped {

    @Id
    public String id;

    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Convert(converter = JsonNodeConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false)
    public JsonNode schema;

    @Column(nullable = false)
    public long revision;

    public static ModelEntity create(String apiId, ModelFields fields) {
        ModelEntity model = new ModelEntity();
        model.id = ShortId.next();
        model.apiId = apiId;
        model.revision = 1;
        model.set(fields);
        model.stampCreated();
        return model;
    }

    public static ModelEntity require(String apiId, String id) {
        return ModelEntity.<ModelEntity>find("apiId = ?1 and id = ?2", apiId, id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("model " + id));
    }

    public void update(ModelFields fields) {
        set(fields);
        revision++;
        stampUpdated();
    }

    private void set(ModelFields f) {
        name = f.name();
        description = f.description();
        schema = f.schema();
    }

    public ModelFields fields() {
        return new ModelFields(name, description, schema);
    }

    /** The model as nodes see it. */
    public Model toContract() {
        return new Model(id, name, schema);
    }
}

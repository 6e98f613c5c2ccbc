package org.seatreconciler.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.avro.RejectedEvent;

/**
 * Every schema must stay backward compatible (new readers, old data) with the version committed
 * under {@code src/test/resources/compatibility/previous}. When a compatible change lands, copy the
 * new schema there; an incompatible one needs a new topic, not an edit.
 */
class SchemaCompatibilityTest {

    static List<Class<?>> schemas() {
        return List.of(MembershipEvent.class, OrgSeatCounts.class, OrgSeatDay.class, RejectedEvent.class,
                OrgPlan.class);
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void currentSchemaReadsDataWrittenWithThePreviousVersion(Class<?> type) throws IOException {
        Schema current = SpecificData.get().getSchema(type);
        Schema previous = previous(type.getSimpleName());

        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, previous);

        assertThat(result.getType())
                .as("%s: %s", type.getSimpleName(), result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void everyFieldIsDocumented(Class<?> type) {
        Schema schema = SpecificData.get().getSchema(type);
        assertThat(schema.getDoc()).isNotBlank();
        assertThat(schema.getFields()).allSatisfy(f -> assertThat(f.doc()).as(f.name()).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void checkerRejectsARemovedDefault(Class<?> type) throws IOException {
        // The check above must be able to fail: a new required field without a default cannot
        // read old data.
        Schema previous = previous(type.getSimpleName());
        Schema broken = new Schema.Parser().parse(previous.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"addedWithoutDefault\",\"type\":\"string\"},"));

        var result = SchemaCompatibility.checkReaderWriterCompatibility(broken, previous);

        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static Schema previous(String name) throws IOException {
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(
                "/compatibility/previous/" + name + ".avsc")) {
            assertThat(in).as("committed previous version of " + name).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}

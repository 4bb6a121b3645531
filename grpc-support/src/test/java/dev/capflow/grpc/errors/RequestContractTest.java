package dev.capflow.grpc.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Field;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Type;
import com.google.rpc.context.AttributeContext;
import dev.capflow.validation.FieldViolation;
import org.junit.jupiter.api.Test;

/** Uses google's own messages: Type holds repeated Field (an enum and strings); AttributeContext.Request a Timestamp. */
class RequestContractTest {

    @Test
    void anUnknownEnumNumberIsNamedByItsPath() {
        Field request = Field.newBuilder().setName("f").setKindValue(99).build();
        assertThat(RequestContract.violations(request))
                .containsExactly(new FieldViolation("kind", "unknown Kind value 99"));
    }

    @Test
    void theRecordsOfARepeatedFieldAreLeftToTheServiceSoABatchKeepsItsGoodRecords() {
        Type request = Type.newBuilder()
                .setName("t")
                .addFields(Field.newBuilder().setKind(Field.Kind.TYPE_BOOL))
                .addFields(Field.newBuilder().setKindValue(99).setName("a\0b"))
                .build();
        assertThat(RequestContract.violations(request)).isEmpty();
    }

    @Test
    void aNulCharacterInAnyStringIsRefused() {
        Type request = Type.newBuilder().setName("a\0b").addOneofs("ok").build();
        assertThat(RequestContract.violations(request))
                .extracting(FieldViolation::field)
                .containsExactly("name");
    }

    @Test
    void aTimestampOutsideItsRangeIsRefused() {
        AttributeContext.Request far = AttributeContext.Request.newBuilder()
                .setTime(Timestamp.newBuilder().setSeconds(31_556_889_864_403_199L))
                .build();
        assertThat(RequestContract.violations(far))
                .extracting(FieldViolation::field)
                .containsExactly("time");
        AttributeContext.Request badNanos = AttributeContext.Request.newBuilder()
                .setTime(Timestamp.newBuilder().setSeconds(0).setNanos(-1))
                .build();
        assertThat(RequestContract.violations(badNanos))
                .extracting(FieldViolation::field)
                .containsExactly("time");
    }

    @Test
    void aValidRequestHasNoViolation() {
        Type request = Type.newBuilder()
                .setName("t")
                .addFields(Field.newBuilder().setKind(Field.Kind.TYPE_STRING).setName("f"))
                .build();
        assertThat(RequestContract.violations(request)).isEmpty();
        assertThat(RequestContract.violations(AttributeContext.Request.newBuilder()
                        .setTime(Timestamp.newBuilder().setSeconds(1_700_000_000L))
                        .build()))
                .isEmpty();
    }
}

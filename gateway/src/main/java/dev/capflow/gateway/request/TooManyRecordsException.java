package dev.capflow.gateway.request;

import java.util.List;

/**
 * A request array longer than the gateway's per-request limit: refused (413) before any element is read, so the
 * refusal costs the same whatever the array holds.
 */
public class TooManyRecordsException extends InvalidFieldsException {

    public TooManyRecordsException(int records, int limit) {
        super(List.of(new FieldViolation(
                "body",
                "holds " + records + " records; at most " + limit + " per request (send more in several requests,"
                        + " or a file to POST /api/v1/prices/bulk-csv)")));
    }
}

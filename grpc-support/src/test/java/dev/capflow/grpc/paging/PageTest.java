package dev.capflow.grpc.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.capflow.validation.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PageTest {

    private static final byte[] QUERY = "kind=EQUITY".getBytes(StandardCharsets.UTF_8);

    @Test
    void pagesWalkTheListInKeyOrderAndTheLastHasNoToken() {
        List<String> all = List.of("d", "a", "c", "b", "e");

        Page<String> first = Page.of(all, Function.identity(), PageRequest.of("List", QUERY, 2, ""));
        Page<String> second =
                Page.of(all, Function.identity(), PageRequest.of("List", QUERY, 2, first.nextPageToken()));
        Page<String> third =
                Page.of(all, Function.identity(), PageRequest.of("List", QUERY, 2, second.nextPageToken()));

        assertThat(first.items()).containsExactly("a", "b");
        assertThat(second.items()).containsExactly("c", "d");
        assertThat(third.items()).containsExactly("e");
        assertThat(third.nextPageToken()).isEmpty();
        assertThat(first.nextPageToken()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aFullLastPageHasNoTokenEither() {
        Page<String> only = Page.of(List.of("a", "b"), Function.identity(), PageRequest.of("List", QUERY, 2, ""));

        assertThat(only.items()).containsExactly("a", "b");
        assertThat(only.nextPageToken()).isEmpty();
    }

    @Test
    void anItemDeletedBetweenPagesSkipsNothingThatStays() {
        List<String> all = new ArrayList<>(List.of("a", "b", "c", "d"));
        Page<String> first = Page.of(all, Function.identity(), PageRequest.of("List", QUERY, 2, ""));
        all.remove("a");
        all.add("aa");

        Page<String> second =
                Page.of(all, Function.identity(), PageRequest.of("List", QUERY, 2, first.nextPageToken()));

        assertThat(second.items()).containsExactly("c", "d");
    }

    @Test
    void zeroMeansTheDefaultAndAboveTheMaximumIsClamped() {
        assertThat(PageRequest.of("List", QUERY, 0, "").size())
                .isEqualTo(PageRequest.DEFAULT_SIZE)
                .isEqualTo(100);
        assertThat(PageRequest.of("List", QUERY, 5000, "").size())
                .isEqualTo(PageRequest.MAX_SIZE)
                .isEqualTo(1000);
        assertThat(PageRequest.of("List", QUERY, 7, "").size()).isEqualTo(7);
    }

    @Test
    void aNegativeSizeNamesPageSize() {
        InvalidRequestException refused =
                catchThrowableOfType(InvalidRequestException.class, () -> PageRequest.of("List", QUERY, -1, ""));

        assertThat(refused.violations())
                .singleElement()
                .satisfies(violation -> assertThat(violation.field()).isEqualTo("page_size"))
                .satisfies(violation -> assertThat(violation.description()).contains("-1"));
    }

    @Test
    void aTokenOfAnotherQueryOrAnotherRpcIsRefusedNamingPageToken() {
        String token = Page.of(List.of("a", "b"), Function.identity(), PageRequest.of("List", QUERY, 1, ""))
                .nextPageToken();

        InvalidRequestException otherQuery = catchThrowableOfType(
                InvalidRequestException.class,
                () -> PageRequest.of("List", "kind=FX".getBytes(StandardCharsets.UTF_8), 1, token));
        InvalidRequestException otherRpc =
                catchThrowableOfType(InvalidRequestException.class, () -> PageRequest.of("ListOther", QUERY, 1, token));

        assertThat(otherQuery.violations())
                .singleElement()
                .satisfies(violation -> assertThat(violation.field()).isEqualTo("page_token"))
                .satisfies(violation -> assertThat(violation.description()).contains("another query"));
        assertThat(otherRpc.violations())
                .extracting(violation -> violation.field())
                .containsExactly("page_token");
        assertThat(PageRequest.of("List", QUERY, 1, token).after()).isEqualTo("a");
    }

    @Test
    void aMalformedTokenIsRefusedNamingPageToken() {
        String forged = Base64.getUrlEncoder().encodeToString("v9\nabc\nx".getBytes(StandardCharsets.UTF_8));

        for (String token : List.of("not base64 !", forged, "YQ")) {
            InvalidRequestException refused =
                    catchThrowableOfType(InvalidRequestException.class, () -> PageRequest.of("List", QUERY, 1, token));
            assertThat(refused.violations())
                    .as(token)
                    .extracting(violation -> violation.field())
                    .containsExactly("page_token");
        }
    }

    @Test
    void anAppendOnlyListKeepsItsOwnOrderAcrossPages() {
        List<String> history = new ArrayList<>(List.of("z", "y", "x"));
        Page<String> first = Page.inOrder(history, PageRequest.of("History", QUERY, 2, ""));
        history.add("w");

        Page<String> second = Page.inOrder(history, PageRequest.of("History", QUERY, 2, first.nextPageToken()));

        assertThat(first.items()).containsExactly("z", "y");
        assertThat(second.items()).containsExactly("x", "w");
        assertThat(second.nextPageToken()).isEmpty();
    }

    @Test
    void aFrameTravelsWithTheTokensOfItsWalk() {
        List<String> all = List.of("a", "b", "c");
        PageRequest first = PageRequest.of("List", QUERY, 1, "");
        assertThat(first.frame()).isNull();

        Page<String> framed = Page.of(all, Function.identity(), first.inFrame("2025-12-31 2026-01-02T10:15:30Z"));
        PageRequest second = PageRequest.of("List", QUERY, 1, framed.nextPageToken());
        assertThat(second.frame()).isEqualTo("2025-12-31 2026-01-02T10:15:30Z");
        assertThat(second.after()).isEqualTo("a");

        Page<String> plain = Page.of(all, Function.identity(), first);
        assertThat(PageRequest.of("List", QUERY, 1, plain.nextPageToken()).frame())
                .as("a list without a frame issues the tokens it always did")
                .isNull();
        InvalidRequestException otherQuery = catchThrowableOfType(
                InvalidRequestException.class,
                () -> PageRequest.of("List", "kind=DEBT".getBytes(StandardCharsets.UTF_8), 1, framed.nextPageToken()));
        assertThat(otherQuery.getMessage()).contains("belongs to another query");
    }
}

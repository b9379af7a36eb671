package org.openretention.segmentation.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The segment endpoints refuse what they cannot read with 400 problem+json naming the parameter. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SegmentResourceTest {

    @Test
    void aMalformedAsOfIsRefusedNamingIt() {
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("asOf", "yesterday").post("/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
        given().auth().oauth2(TestTokens.withRoles("ops")).queryParam("asOf", "2031-03-10").post("/evaluations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void anUnknownStageOrSegmentIsRefusedNamingIt() {
        given().auth().oauth2(TestTokens.withRoles("marketing")).get("/segments/lifecycle/SLEEPY/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("stage")).body("errors[0].message", containsString("DORMANT"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).accept("text/csv").get("/segments/rfm/BEST/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("segment")).body("errors[0].message", containsString("CHAMPIONS"));
    }

    @Test
    void aPageSizeAboveAThousandIsRefused() {
        given().auth().oauth2(TestTokens.withRoles("marketing")).queryParam("size", 1001).get("/segments/lifecycle/NEW/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aCsvLineQuotesWhatNeedsIt() {
        org.assertj.core.api.Assertions.assertThat(SegmentResource.line("a,b", "say \"hi\"", null, 3))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",,3\r\n");
    }
}

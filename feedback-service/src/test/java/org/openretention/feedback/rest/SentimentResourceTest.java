package org.openretention.feedback.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openretention.testkit.PlatformTestResources;
import org.openretention.testkit.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

/** POST /sentiment: the analysis through the API, its roles and its 400s. */
@QuarkusTest
@WithTestResource(PlatformTestResources.class)
class SentimentResourceTest {

    @Test
    void supportAndMarketingReadTheSentimentOfAText() {
        given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON)
                .body(Map.of("text", "物流很快，但是质量太差了，包装也破了"))
                .post("/sentiment")
                .then().statusCode(200)
                .body("label", equalTo("NEGATIVE"))
                .body("score", lessThan(-0.5f))
                .body("language", equalTo("ZH"))
                .body("aspects.aspect", hasItem("LOGISTICS"))
                .body("aspects.find { it.aspect == 'PRODUCT_QUALITY' }.label", equalTo("NEGATIVE"));
        given().auth().oauth2(TestTokens.withRoles("marketing")).contentType(ContentType.JSON)
                .body(Map.of("text", "Absolutely love it, works great :)"))
                .post("/sentiment")
                .then().statusCode(200).body("label", equalTo("POSITIVE")).body("language", equalTo("EN"));
    }

    @Test
    void aBlankOrOversizedTextIsA400NamingTheField() {
        for (String text : new String[] {"  ", "好".repeat(5001)}) {
            given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON)
                    .body(Map.of("text", text))
                    .post("/sentiment")
                    .then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("errors.field", hasItem("text"));
        }
        given().auth().oauth2(TestTokens.withRoles("support")).contentType(ContentType.JSON).body("{}")
                .post("/sentiment")
                .then().statusCode(400).body("errors.field", hasItem("text"));
    }

    @Test
    void opsMayNotUseIt() {
        given().auth().oauth2(TestTokens.withRoles("ops")).contentType(ContentType.JSON).body(Map.of("text", "good"))
                .post("/sentiment")
                .then().statusCode(403);
    }
}

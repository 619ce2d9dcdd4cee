package io.dataforge.query;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An API client of an account with the given roles, posting queries. */
final class QueryClient {

    final TestHttp http;
    final String token;

    QueryClient(IdentityClient identity, String accountId, String... roles) {
        this.http = identity.http;
        Map<String, Object> client = TestHttp.json(identity.adminPost("/admin/accounts/" + accountId + "/clients",
                "{\"name\":\"analyst\",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}"));
        HttpResponse<String> issued = http.send(http.request("/api/v1/auth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client.get("clientId")
                        + "&client_secret=" + client.get("clientSecret"))));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        this.token = (String) TestHttp.json(issued).get("access_token");
    }

    HttpResponse<String> query(String json) {
        return http.send(http.request("/api/v1/query").header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    /** The rows of a query that must succeed. */
    @SuppressWarnings("unchecked")
    java.util.List<Map<String, Object>> rows(String json) {
        HttpResponse<String> response = query(json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (java.util.List<Map<String, Object>>) TestHttp.json(response).get("rows");
    }
}

package io.dataforge.query;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import io.dataforge.TestHttp;
import io.dataforge.identity.IdentityClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An API client of an account with the given roles, posting queries. */
public final class QueryClient {

    public final TestHttp http;

    public final String token;

    public QueryClient(IdentityClient identity, String accountId, String... roles) {
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

    public HttpResponse<String> query(String json) {
        return http.send(http.request("/api/v1/query")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
    }

    /**
     * Uploads {@code csv} into {@code dataset} (the client needs role LOADER) and expects
     * 202.
     */
    public void upload(String dataset, String csv) {
        String boundary = "----query-client";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dataset\"\r\n\r\n" + dataset
                + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"more.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> uploaded = http.send(http.request("/api/v1/uploads")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.ofString(multipart)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    }

    /** The rows of a query that must succeed. */
    @SuppressWarnings("unchecked")
    public java.util.List<Map<String, Object>> rows(String json) {
        HttpResponse<String> response = query(json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (java.util.List<Map<String, Object>>) TestHttp.json(response).get("rows");
    }

}

import Catalog
import CharterMock
import CharterRuntime
import CharterTestSupport
import Foundation
import MLPredict
import Testing
import Widgets

/// The three smaller samples through their generated clients against their mocks: ML predict (a 503 with
/// `Retry-After`), Catalog (OpenAPI 3.2: QUERY, a whole-query-string parameter, a custom COPY method, either of two
/// security schemes) and Widgets (a multi-file tree).
@Suite("generate mock: the ML predict, catalog and widgets clients")
struct SmallSampleClientTests {
    @Test func mlPredictDecodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("ml-predict.yaml"))
        let request = try drawnBody(PredictionRequest.self, Predict.contract, from: mock)
        let modelID = try drawnParameter(String.self, "modelId", Predict.contract, from: mock)
        try await mock.withRunning { serverURL in
            let client = MLPredictClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none)
            let asked = try await expectEveryDocumentedResponse([
                (Predict.contract, { "\(try await client.predict(modelID: modelID, xRequestID: "req-1", body: request))" }),
            ])
            #expect(asked == 4)
        }
    }

    @Test func catalogDecodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("catalog-3.2.yaml"))
        let search = try drawnBody(Search.self, QueryItems.contract, from: mock)
        try await mock.withRunning { serverURL in
            let client = CatalogClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none, credentials: ClientCredentials(bearerToken: "t0k3n"))
            let asked = try await expectEveryDocumentedResponse([
                (QueryItems.contract, { "\(try await client.queryItems(body: search))" }),
                (SearchItems.contract, { "\(try await client.searchItems(search: search))" }),
                (GetItem.contract, { "\(try await client.getItem(id: "lamp-1"))" }),
                (CopyItem.contract, { "\(try await client.copyItem(id: "lamp-1", destination: "lamp-2"))" }),
            ])
            #expect(asked == 5)
        }
    }

    @Test func widgetsDecodesEveryDocumentedResponse() async throws {
        let mock = try MockServer.load(path: sample("widgets/openapi.yaml"))
        let name = try drawnBody(Name.self, CreateWidget.contract, from: mock)
        let widgetID = try drawnParameter(String.self, "widget_id", GetWidget.contract, from: mock)
        try await mock.withRunning { serverURL in
            let client = WidgetsClient(serverURL: serverURL, middlewares: [PreferCode()], retries: .none)
            let asked = try await expectEveryDocumentedResponse([
                (ListWidgets.contract, { "\(try await client.listWidgets(limit: 2))" }),
                (CreateWidget.contract, { "\(try await client.createWidget(body: name))" }),
                (GetThing.contract, { "\(try await client.getThing())" }),
                (GetWidget.contract, { "\(try await client.getWidget(widgetID: widgetID))" }),
            ])
            #expect(asked >= 4)
        }
    }
}

/// The spec a scaffolded package starts from: small, but with what a real API has — a paginated list, a create
/// with constraints the server enforces, a lookup that can miss, the error envelope every 400 uses, and an enum
/// that the request and the response share (one Swift type for both).
enum StarterSpec {
    static func yaml(title: String) -> String {
        """
        openapi: 3.1.0
        info:
          title: \(title)
          version: 1.0.0
          description: >-
            The starter API of a package made by `generate init`. Edit this file and build: the Swift in the API
            target follows it. Before changing a released version, run the contract test (`swift test`).
        servers:
          - url: http://127.0.0.1:8080
        paths:
          /items:
            get:
              operationId: listItems
              summary: List items, oldest first
              parameters:
                - name: limit
                  in: query
                  description: How many items a page holds.
                  schema: {type: integer, minimum: 1, maximum: 100, default: 20}
                - name: cursor
                  in: query
                  description: Where the page starts (a previous page's `next_cursor`).
                  schema: {type: string, pattern: '^[0-9]+$'}
              responses:
                '200':
                  description: A page of items.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ItemPage'}
                '400':
                  $ref: '#/components/responses/BadRequest'
            post:
              operationId: createItem
              summary: Create an item
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/NewItem'}
              responses:
                '201':
                  description: The item, as stored.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Item'}
                '400':
                  $ref: '#/components/responses/BadRequest'
          /items/{item_id}:
            get:
              operationId: getItem
              summary: One item
              parameters:
                - name: item_id
                  in: path
                  required: true
                  schema: {type: integer, format: int64, minimum: 1}
              responses:
                '200':
                  description: The item.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Item'}
                '400':
                  $ref: '#/components/responses/BadRequest'
                '404':
                  description: No item has this id.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Error'}
        components:
          responses:
            BadRequest:
              description: The request breaks the contract; every violation is listed.
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Error'}
          schemas:
            NewItem:
              type: object
              required: [name]
              properties:
                name: {type: string, minLength: 1, maxLength: 100}
                priority:
                  type: string
                  enum: [low, normal, high]
                  default: normal
            Item:
              type: object
              required: [id, name, priority, created_at]
              properties:
                id: {type: integer, format: int64, minimum: 1}
                name: {type: string, minLength: 1, maxLength: 100}
                priority:
                  type: string
                  enum: [low, normal, high]
                created_at: {type: string, format: date-time}
            ItemPage:
              type: object
              required: [items]
              properties:
                items:
                  type: array
                  items: {$ref: '#/components/schemas/Item'}
                next_cursor:
                  type: string
                  description: Absent on the last page.
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message]
                  properties:
                    code: {type: string}
                    message: {type: string}
                    request_id: {type: string}
                    details:
                      type: array
                      items:
                        type: object
                        properties:
                          field: {type: string}
                          in: {type: string}
                          constraint: {type: string}
                          message: {type: string}

        """
    }
}

package apperr

import "net/http"

// Body is the JSON shape of an error in the services' HTTP responses.
type Body struct {
	Error BodyError `json:"error"`
}

type BodyError struct {
	Code      string           `json:"code"`
	Message   string           `json:"message"`
	Fields    []FieldViolation `json:"fields,omitempty"`
	RequestID string           `json:"request_id,omitempty"`
}

// ToBody describes err for an HTTP response.
func ToBody(err error, requestID string) Body {
	return Body{Error: BodyError{
		Code:      KindOf(err).String(),
		Message:   Message(err),
		Fields:    Fields(err),
		RequestID: requestID,
	}}
}

// FromBody turns an error response of another service back into an error.
// A body without a code is classified by the status alone.
func FromBody(status int, b Body) *Error {
	kind := ParseKind(b.Error.Code)
	if b.Error.Code == "" {
		kind = kindForStatus(status)
	}
	msg := b.Error.Message
	if msg == "" {
		msg = http.StatusText(status)
	}
	return &Error{Kind: kind, Message: msg, Fields: b.Error.Fields}
}

func kindForStatus(status int) Kind {
	switch status {
	case http.StatusBadRequest:
		return InvalidArgument
	case http.StatusNotFound:
		return NotFound
	case http.StatusConflict:
		return Aborted
	case http.StatusUnprocessableEntity:
		return FailedPrecondition
	case http.StatusPaymentRequired:
		return PaymentDeclined
	case http.StatusServiceUnavailable, http.StatusBadGateway, http.StatusGatewayTimeout:
		return Unavailable
	default:
		return Internal
	}
}

package org.motif.api;

import java.net.URI;
import org.motif.base.ConflictException;
import org.motif.base.MotifException;
import org.motif.base.NotFoundException;
import org.motif.base.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as {@code application/problem+json} (RFC 7807), with the faults in {@code problems}. */
@RestControllerAdvice(basePackages = "org.motif.api")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(MotifException.class)
    ResponseEntity<ProblemDetail> motif(MotifException e) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT
                : e instanceof ValidationException ? HttpStatus.UNPROCESSABLE_ENTITY
                : HttpStatus.BAD_REQUEST;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        if (!e.problems().isEmpty()) p.setProperty("problems", e.problems());
        return ResponseEntity.status(status).body(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your roles do not allow this request; ask an administrator for the role it needs."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String errorId = Long.toHexString(System.nanoTime());
        log.error("Unexpected API error {}", errorId, e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error; tell the study's administrator the error id " + errorId + ".");
        p.setType(URI.create("about:blank"));
        return ResponseEntity.internalServerError().body(p);
    }
}

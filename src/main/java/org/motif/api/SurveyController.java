package org.motif.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.motif.base.MotifException;
import org.motif.questionnaire.survey.AssignmentService;
import org.motif.questionnaire.survey.AssignmentService.AssignmentResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Survey invitations and answers (API.md "Survey"); coordinators only (ApiAccess). */
@RestController
@RequestMapping("/api/v1/participants/{participantId}")
class SurveyController {
    private final AssignmentService assignments;

    SurveyController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    /** Body {@code {"instruments": ["gad7", …], "event": "baseline", "dueDate": "2027-01-31"?}} → 201 {assignmentId, url}. */
    @PostMapping("/assignments")
    @ResponseStatus(HttpStatus.CREATED)
    Created assign(@PathVariable String participantId, @RequestBody AssignmentRequest body, HttpServletRequest request) {
        if (body == null) throw new MotifException("Body must be JSON: {\"instruments\": [\"gad7\"], \"event\": \"baseline\"}.");
        LocalDate due = null;
        if (body.dueDate() != null && !body.dueDate().isBlank()) {
            try {
                due = LocalDate.parse(body.dueDate());
            } catch (DateTimeParseException e) {
                throw new MotifException("dueDate '" + body.dueDate() + "' is not a date; use yyyy-MM-dd, e.g. 2027-01-31.");
            }
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).build().toUriString();
        var link = assignments.assign(List.of(participantId), body.instruments(), body.event(), due, base).get(0);
        return new Created(link.assignmentId(), link.url());
    }

    @GetMapping("/responses")
    Responses responses(@PathVariable String participantId) {
        return new Responses(assignments.responses(participantId));
    }

    record AssignmentRequest(List<String> instruments, String event, String dueDate) {
    }

    record Created(String assignmentId, String url) {
    }

    record Responses(List<AssignmentResponses> items) {
    }
}

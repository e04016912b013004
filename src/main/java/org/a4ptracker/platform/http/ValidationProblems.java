package org.a4ptracker.platform.http;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.a4ptracker.api.model.ProblemError;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Bean-validation failures: one 400 listing every violation, each with the JSON pointer of the body
 * member or the name of the parameter. A missing {@code If-Match} is a 428; a violation on a return
 * value is the server's fault (500).
 */
public class ValidationProblems {

    @ServerExceptionMapper({
        ResteasyReactiveViolationException.class,
        ConstraintViolationException.class
    })
    public Response violations(
            ConstraintViolationException e, UriInfo uri, SimpleResourceInfo resource) {
        List<ProblemError> errors = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            ProblemError error = describe(violation, resource);
            if (error == null) {
                returnValue = true;
            } else if ("If-Match".equals(error.getParameter())
                    && violation.getInvalidValue() == null) {
                return ProblemResponses.of(ETags.preconditionRequired(), uri);
            } else {
                errors.add(error);
            }
        }
        if (returnValue) {
            return UnexpectedProblems.answer(e, uri);
        }
        errors.sort(
                Comparator.comparing(
                                (ProblemError p) ->
                                        p.getPointer() == null
                                                ? "~" + p.getParameter()
                                                : p.getPointer())
                        .thenComparing(ProblemError::getDetail));
        return ProblemResponses.of(ProblemException.invalid(errors), uri);
    }

    /**
     * A violation on a request parameter names the parameter as the client sent it; one inside the
     * body becomes a JSON pointer. Returns {@code null} for a violation on a return value.
     */
    private static ProblemError describe(
            ConstraintViolation<?> violation, SimpleResourceInfo resource) {
        StringBuilder pointer = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return null;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                parameter = ParameterProblems.httpName(resource, index);
                continue;
            }
            if (node.getKind() == ElementKind.PROPERTY
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    pointer.append('/').append(node.getIndex());
                } else if (node.getKey() != null) {
                    pointer.append('/').append(node.getKey());
                }
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    pointer.append('/').append(snakeCase(node.getName()));
                }
            }
        }
        ProblemError error = new ProblemError().detail(violation.getMessage());
        if (parameter != null) {
            return error.parameter(parameter);
        }
        return error.pointer(pointer.toString());
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}

package org.pouch.gateway.pki;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The path names a regular file this process can read. Checked when the properties are bound, so a
 * wrong path stops the start with the property's name rather than later with a stack trace.
 */
@Documented
@Constraint(validatedBy = ReadableFile.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableFile {

    String message() default "is not a readable file (relative paths start at the working directory)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Absent paths are left to {@code @NotNull}. */
    final class Validator implements ConstraintValidator<ReadableFile, Path> {
        @Override
        public boolean isValid(Path path, ConstraintValidatorContext context) {
            return path == null || (Files.isRegularFile(path) && Files.isReadable(path));
        }
    }
}

package io.goredis.store.dynamo;

import io.goredis.store.StoreException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into client-ready {@link StoreException}s: {@code ERR DynamoDB <op>: <cause>}, one line. */
final class DynamoErrors {

    private static final int MAX_CAUSE_CHARS = 200;

    private DynamoErrors() {}

    static StoreException map(String op, SdkException e) {
        return new StoreException("ERR DynamoDB " + op + " failed: " + cause(e), e);
    }

    static String cause(SdkException e) {
        String text;
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            text = "timed out (" + e.getMessage() + ")";
        } else if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
            String code = s.awsErrorDetails().errorCode();
            String msg = s.awsErrorDetails().errorMessage();
            text = (s.isThrottlingException() ? "throttled: " : "")
                    + (code == null ? "HTTP " + s.statusCode() : code)
                    + (msg == null ? "" : ": " + msg);
        } else {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            text = root == e ? String.valueOf(e.getMessage())
                    : root.getClass().getSimpleName() + ": " + root.getMessage();
        }
        return oneLine(text);
    }

    static String oneLine(String s) {
        String flat = s.replace('\r', ' ').replace('\n', ' ');
        return flat.length() <= MAX_CAUSE_CHARS ? flat : flat.substring(0, MAX_CAUSE_CHARS) + "...";
    }
}

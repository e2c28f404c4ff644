package com.tickitecking.media.image;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.domain.DomainException;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.util.List;

/** Concert images: uploaded by the concert's owner, listed and fetched by anyone through presigned URLs. */
@RestController
@RequestMapping("/api/v1")
class ImageController {

    private final ImageService images;

    ImageController(ImageService images) {
        this.images = images;
    }

    /**
     * Uploads one image as multipart part {@code file} (JPEG, PNG, GIF or WebP, recognised by content; at most
     * 5 MB) with optional {@code kind} POSTER (default) or GALLERY. 201 with the image; 400 for a missing, empty,
     * doubled or path-carrying file; 403 unless owner or admin; 404 unknown concert; 413 too large;
     * 415 not an accepted image; 503 storage unavailable.
     */
    @PostMapping(path = "/concerts/{concertId}/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImageResponse> upload(@PathVariable long concertId,
                                         @RequestParam(name = "kind", defaultValue = "POSTER") String kind,
                                         @RequestPart(name = "file", required = false) List<MultipartFile> files,
                                         @Parameter(hidden = true) AuthenticatedUser caller) {
        // a list, not one MultipartFile: with a single parameter Spring would silently take the first of two
        if (files == null || files.isEmpty()) {
            throw DomainException.invalid("file", "is required");
        }
        if (files.size() > 1) {
            throw DomainException.invalid("file", "must be exactly one file");
        }
        Image image = images.upload(concertId, ImageKind.parse(kind), files.getFirst(), caller);
        return ResponseEntity.created(URI.create(image.path())).body(ImageResponse.of(image, images.presign(image)));
    }

    /** The concert's images, oldest first, each with a short-lived presigned URL. Public. */
    @GetMapping("/concerts/{concertId}/images")
    List<ImageResponse> list(@PathVariable long concertId) {
        return images.list(concertId).stream().map(image -> ImageResponse.of(image, images.presign(image))).toList();
    }

    /** 302 to a freshly presigned URL of the image. Public. */
    @GetMapping("/images/{imageId}")
    ResponseEntity<Void> redirect(@PathVariable long imageId) {
        Image image = images.get(imageId);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(images.presign(image).url()))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /** Removes the image and its object; owner or admin only. */
    @DeleteMapping("/images/{imageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long imageId, @Parameter(hidden = true) AuthenticatedUser caller) {
        images.delete(imageId, caller);
    }
}

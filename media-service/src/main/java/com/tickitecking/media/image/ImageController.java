package com.tickitecking.media.image;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.domain.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Images", description = "Concert posters and gallery images: uploaded by the concert's owner, fetched by anyone")
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
    @Operation(summary = "Upload an image of a concert",
            description = "Multipart part `file`: JPEG, PNG, GIF or WebP, recognised by its content, at most 5 MB; "
                    + "`kind` POSTER (the default; the concert's posterUrl follows by event) or GALLERY.")
    @ApiResponse(responseCode = "201", description = "The image; Location is its stable path")
    @ApiResponse(responseCode = "400", description = "The file is missing, empty, doubled or its name carries a path")
    @ApiResponse(responseCode = "403", description = "Not the concert's owner (or an admin)")
    @ApiResponse(responseCode = "413", description = "The file is over the limit (`maxBytes`)")
    @ApiResponse(responseCode = "415", description = "Not an accepted image")
    @ApiResponse(responseCode = "503", description = "The image storage is unavailable")
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
    @Operation(summary = "A concert's images", description = "Public, oldest first, each with a short-lived presigned URL.")
    @GetMapping("/concerts/{concertId}/images")
    List<ImageResponse> list(@PathVariable long concertId) {
        return images.list(concertId).stream().map(image -> ImageResponse.of(image, images.presign(image))).toList();
    }

    /** 302 to a freshly presigned URL of the image. Public. */
    @Operation(summary = "Fetch an image", description = "Public: a redirect to a freshly presigned URL of it.")
    @ApiResponse(responseCode = "302", description = "Found: the image is at `Location`",
            headers = @Header(name = "Location", description = "A presigned URL of the image", schema = @Schema(type = "string")))
    @GetMapping("/images/{imageId}")
    ResponseEntity<Void> redirect(@PathVariable long imageId) {
        Image image = images.get(imageId);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(images.presign(image).url()))
                .cacheControl(CacheControl.noStore())
                .build();
    }

    /** Removes the image and its object; owner or admin only. */
    @Operation(summary = "Delete an image", description = "Its owner or an admin; the object goes from the storage too.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Not the concert's owner (or an admin)")
    @DeleteMapping("/images/{imageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long imageId, @Parameter(hidden = true) AuthenticatedUser caller) {
        images.delete(imageId, caller);
    }
}

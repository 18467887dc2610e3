package org.chokepoint.product;

import org.chokepoint.lookup.Items;
import org.chokepoint.lookup.Parties;
import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = ApiTags.PRODUCTS)
@RestController
@RequestMapping("/api/products")
class ProductController {

	private final ProductService products;

	private final Items items;

	private final Parties parties;

	ProductController(ProductService products, Items items, Parties parties) {
		this.products = products;
		this.items = items;
		this.parties = parties;
	}

	@Operation(summary = "Products by name with their kind, paged (JSON or CSV)",
			description = "Every product (components and end products) with its id, ordered by name.")
	@GetMapping
	Paged<ProductSummary> list(@Parameter(description = ApiParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ApiParameters.SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.products.list(Paging.of(page, size));
	}

	@Operation(summary = "A product: its bill of materials and its manufacturers",
			description = "What a product requires (minerals and other products, with quantities) and who manufactures it, with shares and sources; and the buyers' sourcing rows (of one buyer with buyer=).")
	@GetMapping("/{id}")
	ProductDetails details(@Parameter(description = ApiParameters.PRODUCT_ID) @PathVariable String id,
			@Parameter(description = ApiParameters.SOURCING_BUYER) @RequestParam(required = false) String buyer) {
		return this.products.details(this.items.product(id), buyer == null ? null : this.parties.consumer(buyer));
	}

}
